import { TroupeError } from "../../errors/index.js";

/** `TROUPE_TRACE_LIMIT` holds something other than a whole number from 0 to `MAX_TRACE_LIMIT`. */
export class TraceLimitSettingError extends TroupeError {
  readonly value: string;

  constructor(options: { value: string; max: number }) {
    super({
      code: "RUNTIME_TRACE_LIMIT_INVALID",
      category: "USER",
      message: `TROUPE_TRACE_LIMIT: expected a whole number of messages from 0 to ${options.max} (0 keeps none); got ${JSON.stringify(options.value)}.`,
    });
    this.value = options.value;
  }
}
