import type { Logger } from "pino";
import { type Telegram, TelegramError } from "telegraf";
import { READY, type Readiness } from "../../health/index.js";
import { backoffDelay, type RetryPolicy, retryDelay, sleep } from "./call-with-retry.js";
import { waitForStored } from "./wait-for-stored.js";

export interface UpdatePollerOptions {
  telegram: Telegram;
  logger: Logger;
  retry: RetryPolicy;
  /** Long-poll timeout of one getUpdates, in seconds. */
  timeoutSeconds: number;
  /**
   * Handles one update; called in update order, not awaited (each chat keeps its own order downstream).
   * Resolves once the update is stored (its message recorded), or known to need no storing.
   */
  onUpdate(update: unknown): Promise<void>;
  /** Telegram answered 409 Conflict (or 401): polling has stopped for good. */
  onFatal(error: TelegramError): void;
}

/**
 * Long polling, done here rather than by telegraf's `launch()` so a failure
 * is handled the way a chat bot needs: a failing `getUpdates` (network, 5xx,
 * 429) is retried with backoff until it recovers, a 409 Conflict or 401 stops
 * polling once with one error instead of a loop, a request the network left
 * hanging is given up after the long-poll timeout, and each update is
 * acknowledged (through the next offset) only once it has been stored.
 */
export class UpdatePoller {
  private readonly options: UpdatePollerOptions;
  private readonly stopping = new AbortController();
  private offset = 0;
  private loop: Promise<void> | undefined;
  /** Why updates are not coming in now (a failing or stopped poll), for `readiness`. */
  private problem: string | undefined;

  constructor(options: UpdatePollerOptions) {
    this.options = options;
  }

  /** Fetches what is waiting once (a 409 here rejects: another process polls this token), then polls in the background. */
  async start(): Promise<void> {
    await this.poll(0);
    this.loop = this.run();
  }

  /** Ready while polls succeed; not while they fail (retrying) or after a conflict or a revoked token stopped them. */
  readiness(): Readiness {
    return this.problem ? { ready: false, reason: this.problem } : READY;
  }

  /** Stops polling and tells Telegram which updates were handled, so a restart does not get them again. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    if (this.offset > 0) {
      await this.options.telegram
        .callApi("getUpdates", { offset: this.offset, limit: 1, timeout: 0 })
        .catch(() => undefined);
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        await this.poll(this.options.timeoutSeconds);
        if (failures > 0) this.options.logger.info({ failures }, "receiving Telegram updates again");
        failures = 0;
        this.problem = undefined;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        if (error instanceof TelegramError && (error.code === 409 || error.code === 401)) {
          this.problem = `stopped receiving Telegram updates (${error.code})`;
          this.options.onFatal(error);
          return;
        }
        failures += 1;
        const wait = retryDelay(error, failures, this.options.retry) ?? backoffDelay(failures, this.options.retry);
        const code = error instanceof TelegramError ? error.code : ((error as Error)?.name ?? "error");
        this.problem = `could not get Telegram updates (${code}, ${failures} in a row); trying again`;
        // The first failure of a run is a warning; the retries after it are detail.
        const level = failures === 1 ? "warn" : "debug";
        this.options.logger[level]({ code, failures, waitMs: wait }, "could not get Telegram updates; trying again");
        await sleep(wait, this.stopping.signal).catch(() => undefined);
      }
    }
  }

  private async poll(timeoutSeconds: number): Promise<void> {
    // A request the network dropped without closing would otherwise hang for telegraf's 500 s.
    const request = new AbortController();
    const abort = () => request.abort();
    this.stopping.signal.addEventListener("abort", abort, { once: true });
    const watchdog = setTimeout(abort, (timeoutSeconds + 15) * 1000);
    try {
      const updates = await this.options.telegram.callApi(
        "getUpdates",
        { timeout: timeoutSeconds, offset: this.offset, allowed_updates: ["message"] },
        { signal: request.signal as never },
      );
      const stored = updates.map((update) => {
        this.offset = Math.max(this.offset, update.update_id + 1);
        return this.options.onUpdate(update);
      });
      // The next getUpdates tells Telegram these are handled, and it forgets them: first let them be stored, so a
      // kill in between does not lose them. A message queued behind a slow one in its chat is not waited for long.
      await waitForStored(Promise.all(stored));
    } finally {
      clearTimeout(watchdog);
      this.stopping.signal.removeEventListener("abort", abort);
    }
  }
}
