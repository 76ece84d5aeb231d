import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { BusStatus } from "../../bus.js";

/**
 * Watches every connection of one bus (the commands' and each reader's) and
 * turns their errors into one warning per outage and one line when Redis is
 * back. ioredis emits an error per connection per retry (and prints
 * "[ioredis] Unhandled error event" on stderr for a connection nobody
 * listens to), so every connection is watched here and repeats are dropped.
 */
export class RedisOutage {
  private readonly clients = new Set<Redis>();
  private downSince: number | undefined;
  private lastError = "";

  constructor(
    private readonly url: string,
    private readonly logger: Logger | undefined,
  ) {}

  /** Listens to a connection's errors and reconnections until it ends. */
  watch(client: Redis): Redis {
    this.clients.add(client);
    client.on("error", (error: Error) => this.failed(error));
    client.on("ready", () => this.recovered());
    client.on("end", () => this.clients.delete(client));
    return client;
  }

  /** Ready when no watched connection is down. */
  get status(): BusStatus {
    return this.downSince === undefined ? { ready: true } : { ready: false, reason: this.lastError };
  }

  /** Whether an outage is going on (read loops then stay quiet: this class speaks for them). */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  private failed(error: Error): void {
    this.lastError = `Redis at ${this.url} is unreachable: ${error.message || error.name}`;
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger?.warn(`${this.lastError}; delegation waits and retries until it is back`);
  }

  private recovered(): void {
    if (this.downSince === undefined) return;
    // Every connection reconnects on its own; the outage is over once all of them are ready again.
    for (const client of this.clients) if (client.status !== "ready") return;
    const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
    this.downSince = undefined;
    this.logger?.info(`Redis at ${this.url} is reachable again after ${seconds} s`);
  }
}
