import { TroupeError } from "../errors/index.js";

/** The model server is down for now: retries ran out, or its circuit is open and calls fail fast. */
export class ModelUnavailableError extends TroupeError {
  readonly server: string;
  /** The last HTTP status, when the server answered at all. */
  readonly status: number | undefined;
  /** How long until the server is tried again, when its circuit is open. */
  readonly retryInMs: number | undefined;

  constructor(options: { server: string; reason: string; status?: number; retryInMs?: number; cause?: unknown }) {
    super({
      code: "MODEL_UNAVAILABLE",
      category: "THIRD_PARTY",
      message: `The model server ${options.server} is unavailable: ${options.reason}.`,
      cause: options.cause,
    });
    this.server = options.server;
    this.status = options.status;
    this.retryInMs = options.retryInMs;
  }
}
