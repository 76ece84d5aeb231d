import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Handler } from "../../bus.js";
import { type Envelope, isExpired, readEnvelope } from "../../envelope.js";
import { deadLetterFields } from "./dead-letter-fields.js";
import { fieldOf, type RedisKeys } from "./redis-keys.js";
import type { RedisOutage } from "./redis-outage.js";
import { RetryPause } from "./retry-pause.js";

/** Settings a group consumer shares with its bus. */
export interface GroupConsumerSettings {
  client: Redis;
  keys: RedisKeys;
  maxAttempts: number;
  maxLength: number;
  visibilityTimeoutMs: number;
  claimIntervalMs: number;
  blockMs: number;
  doneTtlMs: number;
  logger: Logger | undefined;
  outage: RedisOutage;
}

type Entry = [id: string, fields: string[] | null];

/**
 * One consumer of a Redis Streams consumer group. Reads new entries with
 * XREADGROUP on its own (blocking) connection, runs them with up to
 * `concurrency` at once, and acknowledges an entry only once its handler has
 * resolved. Every `claimIntervalMs` it takes over (XAUTOCLAIM) entries that
 * another consumer has held for longer than the visibility timeout; while a
 * handler runs, the entry's idle time is reset so a slow consumer is not
 * mistaken for a dead one. Envelope ids make handling idempotent: a
 * `done` key marks what ran, a `lock` key what is running.
 */
export class RedisGroupConsumer {
  private readonly reader: Redis;
  private readonly active = new Set<Promise<void>>();
  /** Entry ids this consumer is running. */
  private readonly inHand = new Set<string>();
  private readonly pause = new RetryPause();
  private stopped = false;
  private nextClaim = 0;
  private claimCursor = "0-0";
  private loop: Promise<void> | undefined;

  constructor(
    private readonly settings: GroupConsumerSettings,
    private readonly topic: string,
    private readonly group: string,
    private readonly consumer: string,
    private readonly handler: Handler,
    private readonly concurrency: number,
  ) {
    this.reader = settings.outage.watch(settings.client.duplicate());
  }

  private get key(): string {
    return this.settings.keys.stream(this.topic);
  }

  /** Creates the group (reading the stream from its start) and starts reading. */
  async start(): Promise<void> {
    await this.createGroup();
    this.loop = this.run();
  }

  /** Creates the group and its stream unless they exist. */
  private async createGroup(): Promise<void> {
    try {
      await this.settings.client.xgroup("CREATE", this.key, this.group, "0", "MKSTREAM");
    } catch (error) {
      if (!String((error as Error).message).includes("BUSYGROUP")) throw error;
    }
  }

  /** Stops reading and waits for running handlers; what it had not started stays pending for the others. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.cancel();
    // A connection waiting to reconnect keeps its read queued until the command timeout: not worth waiting for.
    const reading = this.reader.status === "ready" ? this.loop : undefined;
    this.reader.disconnect();
    await reading;
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (Date.now() >= this.nextClaim) {
          this.nextClaim = Date.now() + this.settings.claimIntervalMs;
          await this.claim();
        }
        const capacity = this.concurrency - this.active.size;
        if (capacity <= 0) {
          await Promise.race(this.active);
          continue;
        }
        const block = Math.max(1, Math.min(this.settings.blockMs, this.nextClaim - Date.now()));
        const reply = (await this.reader.xreadgroup(
          "GROUP",
          this.group,
          this.consumer,
          "COUNT",
          capacity,
          "BLOCK",
          block,
          "STREAMS",
          this.key,
          ">",
        )) as [string, Entry[]][] | null;
        failures = 0;
        const entries = reply?.[0]?.[1] ?? [];
        for (const [id, fields] of byPriority(entries)) this.spawn(id, fields, false);
      } catch (error) {
        if (this.stopped) break;
        if (isNoGroup(error)) {
          // Redis came back without its data (restarted without persistence, a failover): the group is gone.
          await this.recreateGroup();
          continue;
        }
        failures++;
        // During an outage the outage's one line speaks for every reader.
        if (!this.settings.outage.down) {
          this.settings.logger?.warn({ err: error, topic: this.topic }, "bus read failed; retrying");
        }
        await this.pause.after(failures);
      }
    }
  }

  private async recreateGroup(): Promise<void> {
    try {
      await this.createGroup();
      this.claimCursor = "0-0";
      this.settings.logger?.warn(
        { topic: this.topic, group: this.group },
        "Redis lost the bus's consumer group (restarted without its data?); created it again",
      );
    } catch (error) {
      if (!this.stopped) await this.pause.after(0);
      this.settings.logger?.debug({ err: error, topic: this.topic }, "could not create the consumer group yet");
    }
  }

  private spawn(id: string, fields: string[] | null, claimed: boolean): void {
    // An entry whose keep-alive could not reach Redis for a while (Redis restarting, a stalled event loop)
    // looks abandoned and is claimed back by this same consumer: the handler still running settles it.
    if (this.inHand.has(id)) return;
    this.inHand.add(id);
    const running = this.process(id, fields, claimed).catch((error: unknown) => {
      this.settings.logger?.error({ err: error, topic: this.topic, id }, "could not settle a bus entry");
    });
    this.active.add(running);
    void running.finally(() => {
      this.active.delete(running);
      this.inHand.delete(id);
    });
  }

  /** Takes over entries whose consumer stopped acknowledging them; ones that did so too often are dead-lettered. */
  private async claim(): Promise<void> {
    const { client, visibilityTimeoutMs, maxAttempts } = this.settings;
    const [cursor, entries, deleted] = (await client.xautoclaim(
      this.key,
      this.group,
      this.consumer,
      visibilityTimeoutMs,
      this.claimCursor,
      "COUNT",
      100,
    )) as [string, (Entry | null)[], string[]?];
    this.claimCursor = cursor;
    if (deleted?.length) await client.xack(this.key, this.group, ...deleted);
    const live = entries.filter((entry): entry is Entry => entry !== null && entry[1] !== null);
    if (live.length === 0) return;
    const counts = await client.pipeline(live.map(([id]) => ["xpending", this.key, this.group, id, id, 1])).exec();
    live.forEach(([id, fields], i) => {
      const pending = counts?.[i]?.[1] as [string, string, number, number][] | undefined;
      const deliveries = pending?.[0]?.[3] ?? 1;
      if (deliveries > maxAttempts) {
        const error = `delivered ${deliveries} times without an acknowledgement (its consumers stopped)`;
        void this.deadLetter(id, fieldOf(fields, "e") ?? "", error, deliveries);
      } else this.spawn(id, fields, true);
    });
  }

  private async process(id: string, fields: string[] | null, claimed: boolean): Promise<void> {
    const { client, keys, visibilityTimeoutMs } = this.settings;
    const raw = fieldOf(fields, "e") ?? "";
    const read = readEnvelope(raw);
    if ("error" in read) return this.deadLetter(id, raw, read.error, 1);
    const envelope = read.envelope;
    if (isExpired(envelope)) {
      this.settings.logger?.warn({ topic: this.topic, id: envelope.id }, "dropped an expired envelope");
      await client.xack(this.key, this.group, id);
      return;
    }
    const done = keys.done(this.topic, this.group, envelope.id);
    const lock = keys.lock(this.topic, this.group, envelope.id);
    // A claimed entry's previous holder is gone, so its lock is taken over rather than waited for.
    const lockArgs = claimed ? [] : ["NX"];
    const checks = await client
      .pipeline()
      .exists(done)
      .call("set", lock, this.consumer, "PX", visibilityTimeoutMs, ...lockArgs)
      .exec();
    const isDone = checks?.[0]?.[1] === 1;
    const locked = checks?.[1]?.[1] === "OK";
    if (isDone) {
      const settle = client.pipeline().xack(this.key, this.group, id);
      if (locked) settle.del(lock);
      await settle.exec();
      return;
    }
    // Its twin is running elsewhere; leave this entry pending, it is settled once that one is done.
    if (!locked) return;
    const keepAlive = setInterval(
      () => {
        void client
          .pipeline()
          .xclaim(this.key, this.group, this.consumer, 0, id, "JUSTID")
          .pexpire(lock, visibilityTimeoutMs)
          .exec();
      },
      Math.max(10, visibilityTimeoutMs / 3),
    );
    try {
      await this.handler(envelope);
      clearInterval(keepAlive);
      await client
        .multi()
        .set(done, "1", "PX", this.settings.doneTtlMs)
        .del(lock)
        .xack(this.key, this.group, id)
        .exec();
    } catch (error) {
      clearInterval(keepAlive);
      await this.retry(id, envelope, error, lock);
    }
  }

  private async retry(id: string, envelope: Envelope, error: unknown, lock: string): Promise<void> {
    const { client, keys, maxAttempts, maxLength } = this.settings;
    const message = error instanceof Error ? error.message : String(error);
    const transaction = client.multi();
    if (envelope.attempt >= maxAttempts) {
      transaction.xadd(
        keys.dead(this.topic),
        "*",
        ...deadLetterFields(JSON.stringify(envelope), message, envelope.attempt),
      );
    } else {
      const next: Envelope = { ...envelope, attempt: envelope.attempt + 1, error: message };
      transaction.xadd(this.key, "MAXLEN", "~", maxLength, "*", "e", JSON.stringify(next));
    }
    await transaction.xack(this.key, this.group, id).del(lock).exec();
  }

  private async deadLetter(id: string, raw: string, error: string, attempts: number): Promise<void> {
    const { client, keys } = this.settings;
    this.settings.logger?.warn({ topic: this.topic, error, attempts }, "dead-lettered an envelope");
    await client
      .multi()
      .xadd(keys.dead(this.topic), "*", ...deadLetterFields(raw, error, attempts))
      .xack(this.key, this.group, id)
      .exec();
  }
}

function byPriority(entries: Entry[]): Entry[] {
  if (entries.length < 2) return entries;
  const priority = (entry: Entry) => {
    const match = /"priority":(\d)/.exec(fieldOf(entry[1], "e") ?? "");
    return match ? Number(match[1]) : 0;
  };
  return entries
    .map((entry, index) => ({ entry, index, priority: priority(entry) }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map((item) => item.entry);
}

function isNoGroup(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOGROUP");
}
