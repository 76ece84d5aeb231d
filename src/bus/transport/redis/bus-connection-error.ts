import { TroupeError } from "../../../errors/index.js";

/** The bus's server (Redis) could not be reached at start. */
export class BusConnectionError extends TroupeError {
  readonly url: string;

  constructor(options: { url: string; reason: string; cause?: unknown }) {
    super({
      code: "BUS_CONNECTION",
      category: "THIRD_PARTY",
      message: `Cannot reach the Redis bus at ${options.url}: ${options.reason}. Is Redis running? Start it or fix --bus / REDIS_URL.`,
      cause: options.cause,
    });
    this.url = options.url;
  }
}
