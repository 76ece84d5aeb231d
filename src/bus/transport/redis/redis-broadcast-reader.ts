import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Handler } from "../../bus.js";
import { readEnvelope } from "../../envelope.js";
import { fieldOf } from "./redis-keys.js";
import type { RedisOutage } from "./redis-outage.js";
import { RetryPause } from "./retry-pause.js";

type Entry = [id: string, fields: string[]];

/**
 * A broadcast subscription: reads a stream with XREAD on its own connection,
 * from now (or from `since`), and hands every entry to the handler. Nothing
 * is acknowledged; a handler error is logged, a malformed entry goes to
 * `onMalformed`.
 */
export class RedisBroadcastReader {
  private readonly reader: Redis;
  private stopped = false;
  private readonly pause = new RetryPause();
  private loop: Promise<void> | undefined;

  constructor(
    client: Redis,
    private readonly key: string,
    private readonly handler: Handler,
    private readonly blockMs: number,
    private readonly logger: Logger | undefined,
    private readonly outage: RedisOutage,
    private readonly onMalformed: (raw: string, error: string) => Promise<void>,
  ) {
    this.reader = outage.watch(client.duplicate());
  }

  /** Starts after the stream's last entry, or at `since` (epoch ms) to replay what is still there. */
  async start(since?: number): Promise<void> {
    let last = since === undefined ? "$" : `${since}-0`;
    if (last === "$") {
      const newest = (await this.reader.xrevrange(this.key, "+", "-", "COUNT", 1)) as Entry[];
      last = newest[0]?.[0] ?? "0-0";
    } else {
      // What is already there is delivered before start resolves: a registry knows its peers at once.
      last = await this.drain(last);
    }
    this.loop = this.run(last);
  }

  private async drain(from: string): Promise<string> {
    let last = from;
    for (;;) {
      const reply = (await this.reader.xread("COUNT", 1000, "STREAMS", this.key, last)) as [string, Entry[]][] | null;
      const entries = reply?.[0]?.[1] ?? [];
      for (const [id, fields] of entries) {
        last = id;
        await this.take(fields);
      }
      if (entries.length < 1000) return last;
    }
  }

  private async take(fields: string[]): Promise<void> {
    const raw = fieldOf(fields, "e") ?? "";
    const read = readEnvelope(raw);
    if ("error" in read) await this.onMalformed(raw, read.error);
    else await this.deliver(read.envelope);
  }

  /** Stops reading; the handler may still be finishing its last entry when this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.cancel();
    // A connection waiting to reconnect keeps its read queued until the command timeout: not worth waiting for.
    const reading = this.reader.status === "ready" ? this.loop : undefined;
    this.reader.disconnect();
    await reading;
  }

  private async run(from: string): Promise<void> {
    let last = from;
    let failures = 0;
    while (!this.stopped) {
      try {
        const reply = (await this.reader.xread("COUNT", 100, "BLOCK", this.blockMs, "STREAMS", this.key, last)) as
          | [string, Entry[]][]
          | null;
        failures = 0;
        for (const [id, fields] of reply?.[0]?.[1] ?? []) {
          last = id;
          await this.take(fields);
        }
      } catch (error) {
        if (this.stopped) break;
        failures++;
        // During an outage the outage's one line speaks for every reader.
        if (!this.outage.down) this.logger?.warn({ err: error, key: this.key }, "bus read failed; retrying");
        await this.pause.after(failures);
      }
    }
  }

  private async deliver(envelope: Parameters<Handler>[0]): Promise<void> {
    try {
      await this.handler(envelope);
    } catch (error) {
      this.logger?.warn({ err: error, key: this.key }, "a broadcast handler failed");
    }
  }
}
