import type { Logger } from "pino";
import { TelegramError } from "telegraf";

/** How Bot API calls are retried: exponential backoff from `initialMs` up to `maxMs`, at most `attempts` tries. */
export interface RetryPolicy {
  initialMs: number;
  maxMs: number;
  attempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 1000, maxMs: 30_000, attempts: 5 };

/** The delay before try number `attempt + 1`: doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelay(attempt: number, retry: RetryPolicy): number {
  return Math.min(retry.maxMs, retry.initialMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * How long to wait before trying a failed call again, or undefined when
 * trying again cannot help: a 429 waits the `retry_after` Telegram asks for
 * (telegraf does not retry sends itself); a 5xx or a network failure backs off.
 */
export function retryDelay(error: unknown, attempt: number, retry: RetryPolicy): number | undefined {
  if (error instanceof TelegramError) {
    if (error.code === 429) return (error.parameters?.retry_after ?? 1) * 1000;
    return error.code >= 500 ? backoffDelay(attempt, retry) : undefined;
  }
  return error instanceof Error && error.name === "FetchError" ? backoffDelay(attempt, retry) : undefined;
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/**
 * Makes one Bot API call, waiting out 429s and retrying 5xx and network
 * failures with backoff (each wait logged at warn level with what it is
 * for). Any other error, or the last failure, is thrown; `signal` cuts a wait short.
 */
export async function callWithRetry<T>(
  call: () => Promise<T>,
  options: { retry: RetryPolicy; logger: Logger; what: string; signal?: AbortSignal },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = retryDelay(error, attempt, options.retry);
      if (wait === undefined || attempt >= options.retry.attempts) throw error;
      const code = error instanceof TelegramError ? error.code : "network";
      options.logger.warn(
        { code, attempt, waitMs: wait },
        `${options.what} failed (${code}); trying again in ${wait} ms`,
      );
      await sleep(wait, options.signal);
    }
  }
}
