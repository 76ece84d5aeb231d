/** Delays of the retry schedule. */
export interface RetrySchedule {
  /** Delay before the first retry; each next one doubles. */
  baseDelayMs: number;
  /** Longest wait before a retry; a `Retry-After` asking for longer gives up instead. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with jitter: `baseDelayMs · 2^attempt`, capped, then
 * scaled by a random factor from 0.5 to 1 so many clients that failed
 * together do not retry together.
 */
export function backoffDelay(attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const ceiling = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/**
 * Reads `Retry-After` (seconds, or an HTTP date) or the `retry-after-ms`
 * header OpenAI also sends, from a `Headers` or a plain header object.
 * Returns milliseconds, or undefined when there is no usable value.
 */
export function retryAfterMs(headers: unknown, now: number = Date.now()): number | undefined {
  const milliseconds = Number(headerValue(headers, "retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headerValue(headers, "retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}
