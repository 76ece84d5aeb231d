import { TroupeError } from "../errors/index.js";

/** `TROUPE_RATE_LIMIT` holds something other than `<messages>/<seconds>s` or `off`. */
export class RateLimitSettingError extends TroupeError {
  readonly value: string;

  constructor(options: { value: string }) {
    super({
      code: "RUNTIME_RATE_LIMIT_INVALID",
      category: "USER",
      message: `TROUPE_RATE_LIMIT: expected <messages>/<seconds>s such as 30/60s, or off; got ${JSON.stringify(options.value)}.`,
    });
    this.value = options.value;
  }
}
