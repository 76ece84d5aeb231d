import { retryAfterMs } from "./retry-delay.js";

/** Why a model call failed, as far as retrying is concerned. */
export type ModelFailure =
  /** The key was refused: retrying will not help, and the server is up. */
  | { kind: "auth"; status: number }
  /** The request itself was refused (bad model name, bad arguments). */
  | { kind: "rejected"; status: number; detail: string }
  /** Worth retrying: 408, 409, 425, 429, 5xx, a dropped connection, a malformed answer. */
  | { kind: "transient"; status: number | undefined; retryAfterMs: number | undefined; detail: string }
  /** Not a model server failure (a bug, or a TroupeError of our own): passed on unchanged. */
  | { kind: "other" };

const TRANSIENT_STATUS = new Set([408, 409, 425, 429]);
const NETWORK_ERROR_NAMES = new Set(["APIConnectionError", "APIConnectionTimeoutError", "TimeoutError", "FetchError"]);

/**
 * Sorts an error from the OpenAI client (status and headers of `APIError`,
 * connection errors, JSON parse errors of a malformed answer) into what the
 * retry loop should do with it.
 */
export function classifyModelFailure(error: unknown): ModelFailure {
  if (!(error instanceof Error)) return { kind: "other" };
  const { status, headers } = error as { status?: unknown; headers?: unknown };
  const detail = firstLine(error.message);
  if (typeof status === "number") {
    if (status === 401 || status === 403) return { kind: "auth", status };
    if (status >= 500 || TRANSIENT_STATUS.has(status)) {
      return { kind: "transient", status, retryAfterMs: retryAfterMs(headers), detail };
    }
    return { kind: "rejected", status, detail };
  }
  if (NETWORK_ERROR_NAMES.has(error.name) || NETWORK_ERROR_NAMES.has(error.constructor.name)) {
    return { kind: "transient", status: undefined, retryAfterMs: undefined, detail };
  }
  if (error instanceof SyntaxError) {
    return { kind: "transient", status: undefined, retryAfterMs: undefined, detail: "malformed answer" };
  }
  return { kind: "other" };
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").slice(0, 200);
}
