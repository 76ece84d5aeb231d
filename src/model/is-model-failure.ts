import { TroupeError } from "../errors/index.js";

const FAILURE_CODES = new Set([
  "MODEL_UNAVAILABLE",
  "MODEL_TIMEOUT",
  "MODEL_AUTH_REJECTED",
  "MODEL_REQUEST_REJECTED",
  "MODEL_EMBEDDING_DIMENSIONS_MISMATCH",
]);

/**
 * True when a model server could not give an answer (down, too slow, key or
 * request refused, vectors of the wrong length): the agent then apologises or
 * falls back to the offline model instead of treating it as a bug.
 */
export function isModelFailure(error: unknown): error is TroupeError {
  return TroupeError.isInstance(error) && FAILURE_CODES.has(error.code);
}
