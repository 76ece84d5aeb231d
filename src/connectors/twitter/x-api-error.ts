import { TroupeError } from "../../errors/index.js";

/**
 * Why a call to X failed: `auth` (401, the credentials were refused),
 * `forbidden` (403, e.g. error 226 "this request looks automated"),
 * `duplicate` (403, the same text was posted before), `rate-limited` (429
 * again after waiting once), `budget` (the daily budget is spent, nothing was
 * sent), `invalid` (another 4xx), `server` (5xx) or `network`.
 */
export type XApiFailure =
  | "auth"
  | "forbidden"
  | "duplicate"
  | "rate-limited"
  | "budget"
  | "invalid"
  | "server"
  | "network";

/** X answered a call with an error, or could not be reached. Carries the endpoint and status, never credentials. */
export class XApiError extends TroupeError {
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly reason: XApiFailure;

  constructor(options: { endpoint: string; status?: number; reason: XApiFailure; detail: string; cause?: unknown }) {
    super({
      code: `TWITTER_${options.reason.toUpperCase().replace("-", "_")}`,
      category: options.reason === "auth" || options.reason === "budget" ? "USER" : "THIRD_PARTY",
      message: `X API ${options.endpoint}${options.status ? ` answered ${options.status}` : " failed"}: ${options.detail}`,
      cause: options.cause,
    });
    this.endpoint = options.endpoint;
    this.status = options.status;
    this.reason = options.reason;
  }
}
