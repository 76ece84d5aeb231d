import { TroupeError } from "../errors/index.js";

/** A model call took longer than its timeout on every attempt. */
export class ModelTimeoutError extends TroupeError {
  readonly timeoutMs: number;

  constructor(options: { server: string; timeoutMs: number; attempts: number }) {
    super({
      code: "MODEL_TIMEOUT",
      category: "THIRD_PARTY",
      message: `The model server ${options.server} did not answer within ${options.timeoutMs} ms (${options.attempts} ${options.attempts === 1 ? "attempt" : "attempts"}). Raise TROUPE_MODEL_TIMEOUT_MS if the model is slow.`,
    });
    this.timeoutMs = options.timeoutMs;
  }
}
