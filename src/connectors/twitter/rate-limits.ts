import { setTimeout as sleep } from "node:timers/promises";

/** What X said about one endpoint's window: calls left and when it resets (epoch seconds). */
export interface RateWindow {
  remaining: number;
  reset: number;
}

/**
 * The rate-limit windows X reported, per endpoint (`GET /2/users/:id/mentions`),
 * from the `x-rate-limit-*` headers of every response. A caller waits here
 * until the reset instead of calling into a 429.
 */
export class RateLimits {
  private readonly windows = new Map<string, RateWindow>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the window of one response (or error response). */
  observe(endpoint: string, window: RateWindow | undefined): void {
    if (window && Number.isFinite(window.remaining) && Number.isFinite(window.reset)) {
      this.windows.set(endpoint, { remaining: window.remaining, reset: window.reset });
    }
  }

  /** Milliseconds to wait before calling `endpoint`: 0 unless its window is spent and not yet reset. */
  delayFor(endpoint: string): number {
    const window = this.windows.get(endpoint);
    if (!window || window.remaining > 0) return 0;
    return Math.max(0, window.reset * 1000 - this.now());
  }

  /** Waits until `endpoint` may be called; rejects with an AbortError when `signal` aborts. */
  async ready(endpoint: string, signal?: AbortSignal): Promise<void> {
    const delay = this.delayFor(endpoint);
    if (delay > 0) await sleep(delay, undefined, { signal });
    const window = this.windows.get(endpoint);
    if (window && window.remaining <= 0) this.windows.delete(endpoint);
  }
}

/** The endpoint a URL belongs to, ids replaced: `GET /2/users/:id/mentions`. */
export function endpointOf(method: string, url: URL | string): string {
  // The first segment is the API version (`/2/`); numeric segments after it are ids.
  const path = new URL(url).pathname
    .split("/")
    .map((segment, index) => (index > 1 && /^\d+$/.test(segment) ? ":id" : segment))
    .join("/");
  return `${method.toUpperCase()} ${path}`;
}
