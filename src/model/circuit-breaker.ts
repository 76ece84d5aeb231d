/** Options of `CircuitBreaker`. */
export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit fails fast before one trial call is let through. Default 30 000 ms. */
  resetMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** What the breaker says about the next call: go ahead, or fail fast for `retryInMs` more. */
export type CircuitPermit = { allowed: true } | { allowed: false; retryInMs: number };

/**
 * A circuit breaker for one model server: after `failureThreshold`
 * consecutive failed attempts it opens, and calls fail at once instead of
 * waiting for timeouts; after `resetMs` one trial call goes through
 * (half-open), and its success closes the circuit again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialRunning = false;
  private readonly threshold: number;
  private readonly resetMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.resetMs = options.resetMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** `closed`, `open` (failing fast) or `half-open` (one trial call allowed). */
  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt >= this.resetMs ? "half-open" : "open";
  }

  /** Asks to make a call; in half-open state only one trial call at a time is allowed. */
  permit(): CircuitPermit {
    const state = this.state;
    if (state === "closed") return { allowed: true };
    if (state === "half-open" && !this.trialRunning) {
      this.trialRunning = true;
      return { allowed: true };
    }
    const retryInMs = Math.max(0, (this.openedAt ?? 0) + this.resetMs - this.now());
    return { allowed: false, retryInMs };
  }

  /** Records a successful call: the circuit closes. */
  succeed(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialRunning = false;
  }

  /** Records a failed attempt; opens (or re-opens, after a failed trial) the circuit at the threshold. */
  fail(): void {
    this.failures += 1;
    if (this.trialRunning || this.failures >= this.threshold) this.openedAt = this.now();
    this.trialRunning = false;
  }
}

/** One circuit breaker per model server (by base URL), shared by every agent that uses it. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly options: CircuitBreakerOptions;

  /** @param options applied to every breaker this registry creates. */
  constructor(options: CircuitBreakerOptions = {}) {
    this.options = options;
  }

  /** The breaker of `server`, created closed on first use. */
  for(server: string): CircuitBreaker {
    let breaker = this.breakers.get(server);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options);
      this.breakers.set(server, breaker);
    }
    return breaker;
  }
}
