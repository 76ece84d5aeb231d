import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Bus, DeadLetter, Handler, PublishOptions, SubscribeOptions, Unsubscribe } from "../../bus.js";
import type { Envelope } from "../../envelope.js";
import { BusConnectionError } from "./bus-connection-error.js";
import { deadLetterFields, deadLetterOf } from "./dead-letter-fields.js";
import { RedisBroadcastReader } from "./redis-broadcast-reader.js";
import { type GroupConsumerSettings, RedisGroupConsumer } from "./redis-group-consumer.js";
import { redisKeys } from "./redis-keys.js";

/** Options of `RedisBus.connect`. */
export interface RedisBusOptions {
  /** `redis://host:6379`, `rediss://…` for TLS, with user and password when needed. */
  url: string;
  /** Prefix of every key, so several troupes (or test runs) share a server. Default `troupe`. */
  prefix?: string;
  /** Attempts before a failing envelope is dead-lettered. Default 3. */
  maxAttempts?: number;
  /** How long a consumer may hold an entry without a sign of life before another takes it. Default 30 s. */
  visibilityTimeoutMs?: number;
  /** How often each consumer looks for entries to take over. Default: a third of the visibility timeout. */
  claimIntervalMs?: number;
  /** Longest a read blocks. Default 1000 ms. */
  blockMs?: number;
  /** Approximate entries kept per stream. Default 100,000. */
  maxLength?: number;
  /** How long the id of a handled envelope is remembered for deduplication. Default 24 h. */
  doneTtlMs?: number;
  /** Time allowed to connect at start. Default 3000 ms. */
  connectTimeoutMs?: number;
  logger?: Logger;
}

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The bus on Redis Streams, for agents spread over processes and machines.
 * A topic is a stream; groups are consumer groups; results, retries and
 * dead letters are stream entries. Lost connections are re-established with
 * backoff; commands wait meanwhile, and nothing is acknowledged before its
 * handler has finished.
 */
export class RedisBus implements Bus {
  readonly maxAttempts: number;
  private readonly client: Redis;
  private readonly settings: GroupConsumerSettings;
  private readonly subscriptions = new Set<Stoppable>();
  private readonly logger: Logger | undefined;

  private constructor(client: Redis, options: RedisBusOptions) {
    this.client = client;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.logger = options.logger;
    const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.settings = {
      client,
      keys: redisKeys(options.prefix ?? "troupe"),
      maxAttempts: this.maxAttempts,
      maxLength: options.maxLength ?? 100_000,
      visibilityTimeoutMs,
      claimIntervalMs: options.claimIntervalMs ?? Math.max(10, Math.round(visibilityTimeoutMs / 3)),
      blockMs: options.blockMs ?? 1000,
      doneTtlMs: options.doneTtlMs ?? 24 * 60 * 60 * 1000,
      logger: options.logger,
    };
  }

  /** Connects, or throws `BusConnectionError` with one clear sentence when Redis cannot be reached. */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 3000,
      // Commands wait for the reconnection instead of failing; the backoff caps at 2 s.
      maxRetriesPerRequest: null,
      // Commands issued in the same tick share one round trip: many tasks in flight cost few packets.
      enableAutoPipelining: false,
      retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
    });
    let lastError: Error | undefined;
    const onError = (error: Error) => {
      lastError = error;
    };
    client.on("error", onError);
    try {
      await client.connect();
      await client.ping();
    } catch (cause) {
      client.disconnect();
      const reason = (lastError ?? (cause instanceof Error ? cause : new Error(String(cause)))).message.replace(
        /\.$/,
        "",
      );
      throw new BusConnectionError({ url: redactUrl(options.url), reason, cause });
    }
    client.off("error", onError);
    client.on("error", (error) => options.logger?.warn({ err: error }, "redis connection error"));
    return new RedisBus(client, options);
  }

  async publish(topic: string, envelope: Envelope, options: PublishOptions = {}): Promise<void> {
    const key = this.settings.keys.stream(topic);
    const json = JSON.stringify(envelope);
    const limit = this.settings.maxLength;
    // NOMKSTREAM: a stream that does not exist (never subscribed, or retired) is not created.
    if (options.onlyToExisting) await this.client.call("XADD", key, "NOMKSTREAM", "MAXLEN", "~", limit, "*", "e", json);
    else await this.client.xadd(key, "MAXLEN", "~", limit, "*", "e", json);
  }

  async retire(topic: string): Promise<void> {
    await this.client.del(this.settings.keys.stream(topic), this.settings.keys.dead(topic));
  }

  async subscribe(topic: string, handler: Handler, options: SubscribeOptions = {}): Promise<Unsubscribe> {
    let subscription: Stoppable;
    if (options.group === undefined) {
      const reader = new RedisBroadcastReader(
        this.client,
        this.settings.keys.stream(topic),
        handler,
        this.settings.blockMs,
        this.logger,
        (raw, error) => this.deadLetter(topic, raw, error),
      );
      await reader.start(options.since);
      subscription = reader;
    } else {
      const consumer = new RedisGroupConsumer(
        this.settings,
        topic,
        options.group,
        options.consumer ?? `consumer-${randomUUID().slice(0, 8)}`,
        handler,
        options.concurrency ?? 16,
      );
      await consumer.start();
      subscription = consumer;
    }
    this.subscriptions.add(subscription);
    return async () => {
      if (!this.subscriptions.delete(subscription)) return;
      await subscription.stop();
    };
  }

  async deadLetters(topic: string): Promise<DeadLetter[]> {
    const entries = (await this.client.xrange(this.settings.keys.dead(topic), "-", "+")) as [string, string[]][];
    return entries.map(([, fields]) => deadLetterOf(fields));
  }

  async close(): Promise<void> {
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private async deadLetter(topic: string, raw: string, error: string): Promise<void> {
    this.logger?.warn({ topic, error }, "dead-lettered an envelope");
    await this.client.xadd(this.settings.keys.dead(topic), "*", ...deadLetterFields(raw, error, 1));
  }
}

/** `redis://user:secret@host` → `redis://user:***@host`: secrets are never printed. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
