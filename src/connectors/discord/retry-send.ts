import { setTimeout as sleep } from "node:timers/promises";

/** Attempts in all, and the first wait; each further wait doubles. */
const ATTEMPTS = 4;
const FIRST_DELAY_MS = 500;

/**
 * Runs a send, retrying with backoff (0.5 s, 1 s, 2 s) when Discord failed
 * on its side (5xx) or the network did. A 4xx is Discord's final word (no
 * permission, bad request) and is thrown at once. Rate limits never reach
 * here: discord.js's REST queue waits them out from the response headers.
 * A send must be safe to repeat: messages carry a nonce that Discord enforces.
 */
export async function retrySend<T>(
  send: () => Promise<T>,
  onRetry: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= ATTEMPTS || isFinal(error)) throw error;
      onRetry(error, attempt);
      await sleep(FIRST_DELAY_MS * 2 ** (attempt - 1));
    }
  }
}

function isFinal(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" && status >= 400 && status < 500;
}
