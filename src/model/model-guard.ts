import type { CircuitBreaker } from "./circuit-breaker.js";
import { ModelAuthError } from "./model-auth-error.js";
import { classifyModelFailure } from "./model-failure.js";
import { ModelRequestError } from "./model-request-error.js";
import { ModelTimeoutError } from "./model-timeout-error.js";
import { ModelUnavailableError } from "./model-unavailable-error.js";
import { backoffDelay, type RetrySchedule } from "./retry-delay.js";

/** Options of `ModelGuard`. */
export interface ModelGuardOptions {
  /** The character whose calls these are, for error messages. */
  character: string;
  /** The server, as shown in messages and logs (its base URL). */
  server: string;
  /** Where the API key came from (`OPENAI_API_KEY`), for the 401 message. */
  keySource: string;
  /** Time allowed to one attempt. */
  timeoutMs: number;
  /** Retries after the first attempt, for transient failures only. */
  maxRetries: number;
  breaker: CircuitBreaker;
  /** Backoff schedule. Default: 500 ms doubling, at most 20 s. */
  schedule?: RetrySchedule;
  /** Told before each retry (for a log line). */
  onRetry?: (retry: { attempt: number; delayMs: number; status: number | undefined; detail: string }) => void;
}

/** Per-call options of `ModelGuard.run`. */
export interface GuardedCallOptions {
  /** Aborts the call and its retries. */
  signal?: AbortSignal;
  /** Asked before retrying; false stops (a reply already half streamed must not be repeated). */
  canRetry?: () => boolean;
}

const DEFAULT_SCHEDULE: RetrySchedule = { baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Runs model calls with a timeout per attempt, retries with exponential
 * backoff and jitter on transient failures (honouring `Retry-After`), and the
 * server's circuit breaker, turning failures into Troupe errors: a refused
 * key into `ModelAuthError`, a refused request into `ModelRequestError`, a
 * server that stays down into `ModelUnavailableError` or `ModelTimeoutError`.
 */
export class ModelGuard {
  readonly server: string;
  private readonly options: ModelGuardOptions;
  private readonly schedule: RetrySchedule;

  constructor(options: ModelGuardOptions) {
    this.options = options;
    this.server = options.server;
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
  }

  /** Calls `call` with an abort signal that fires at the timeout, retrying as described on the class. */
  async run<T>(call: (signal: AbortSignal) => Promise<T>, callOptions: GuardedCallOptions = {}): Promise<T> {
    const { breaker, maxRetries } = this.options;
    for (let attempt = 0; ; attempt++) {
      callOptions.signal?.throwIfAborted();
      const permit = breaker.permit();
      if (!permit.allowed) {
        throw new ModelUnavailableError({
          server: this.server,
          reason: `too many failures, trying again in ${Math.ceil(permit.retryInMs / 1000)} s`,
          retryInMs: permit.retryInMs,
        });
      }
      const outcome = await this.attempt(call, callOptions.signal);
      if (outcome.ok) {
        breaker.succeed();
        return outcome.value;
      }
      const failure = classifyModelFailure(outcome.error);
      if (failure.kind === "other" && !outcome.timedOut) {
        breaker.succeed();
        throw outcome.error;
      }
      if (failure.kind === "auth") {
        breaker.succeed();
        throw new ModelAuthError({ ...this.names(), status: failure.status });
      }
      if (failure.kind === "rejected") {
        breaker.succeed();
        throw new ModelRequestError({ ...this.names(), status: failure.status, detail: failure.detail });
      }
      const status = failure.kind === "transient" ? failure.status : undefined;
      const detail = outcome.timedOut ? "timed out" : failure.kind === "transient" ? failure.detail : "failed";
      // A rate limit means the server is up and busy: it does not count towards opening the circuit.
      if (status === 429) breaker.succeed();
      else breaker.fail();
      const hinted = failure.kind === "transient" ? failure.retryAfterMs : undefined;
      const delayMs = hinted ?? backoffDelay(attempt, this.schedule);
      const stop =
        attempt >= maxRetries ||
        delayMs > this.schedule.maxDelayMs ||
        callOptions.signal?.aborted ||
        callOptions.canRetry?.() === false;
      if (stop) {
        if (outcome.timedOut) {
          throw new ModelTimeoutError({
            server: this.server,
            timeoutMs: this.options.timeoutMs,
            attempts: attempt + 1,
          });
        }
        const tries = `${attempt + 1} ${attempt === 0 ? "attempt" : "attempts"}`;
        const reason = status ? `${status} ${detail} (${tries})` : `${detail} (${tries})`;
        throw new ModelUnavailableError({ server: this.server, reason, status, cause: outcome.error });
      }
      this.options.onRetry?.({ attempt: attempt + 1, delayMs, status, detail });
      await sleep(delayMs, callOptions.signal);
    }
  }

  private names() {
    return { character: this.options.character, server: this.server, keySource: this.options.keySource };
  }

  private async attempt<T>(
    call: (signal: AbortSignal) => Promise<T>,
    outer: AbortSignal | undefined,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown; timedOut: boolean }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
    const forward = () => controller.abort(outer?.reason);
    outer?.addEventListener("abort", forward, { once: true });
    try {
      return { ok: true, value: await call(controller.signal) };
    } catch (error) {
      return { ok: false, error, timedOut };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}
