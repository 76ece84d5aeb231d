import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Bus, BusStatus, DeadLetter, Handler, PublishOptions, SubscribeOptions, Unsubscribe } from "../../bus.js";
import type { Envelope } from "../../envelope.js";
import { connectRedis, redactUrl } from "./connect-redis.js";
import { deadLetterFields, deadLetterOf } from "./dead-letter-fields.js";
import { RedisBroadcastReader } from "./redis-broadcast-reader.js";
import { type GroupConsumerSettings, RedisGroupConsumer } from "./redis-group-consumer.js";
import { redisKeys } from "./redis-keys.js";
import { RedisOutage } from "./redis-outage.js";

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
  /** Time allowed to connect and get an answer at start. Default 3000 ms. */
  connectTimeoutMs?: number;
  /** Time a command may wait for an answer, or for Redis to come back, before it fails. Default 5000 ms (at least `blockMs` + 1 s). */
  commandTimeoutMs?: number;
  /** Longest `close` waits for handlers in hand and goodbyes before it drops the connections. Default 3000 ms. */
  closeTimeoutMs?: number;
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
  private readonly outage: RedisOutage;
  private readonly closeTimeoutMs: number;

  private constructor(client: Redis, outage: RedisOutage, options: RedisBusOptions) {
    this.client = client;
    this.outage = outage;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.logger = options.logger;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 3000;
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
      outage,
    };
  }

  /**
   * Connects, or throws `BusConnectionError` with one clear sentence when
   * Redis cannot be reached or does not answer within `connectTimeoutMs`.
   */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const blockMs = options.blockMs ?? 1000;
    const client = await connectRedis({
      url: options.url,
      connectTimeoutMs: options.connectTimeoutMs ?? 3000,
      commandTimeoutMs: Math.max(options.commandTimeoutMs ?? 5000, blockMs + 1000),
    });
    const outage = new RedisOutage(redactUrl(options.url), options.logger);
    outage.watch(client);
    return new RedisBus(client, outage, options);
  }

  /** Ready while every connection to Redis is up; otherwise why not. */
  status(): BusStatus {
    return this.outage.status;
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
        this.outage,
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

  /**
   * Stops every subscription, waiting for handlers in hand, then closes the
   * connections. Bounded by `closeTimeoutMs`: when Redis is down, what is
   * still waiting for it is dropped (unacknowledged entries stay pending on
   * Redis and are taken over by another consumer).
   */
  async close(): Promise<void> {
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    const graceful = (async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      // QUIT would wait in the offline queue for a Redis that is down.
      if (this.client.status === "ready") await this.client.quit();
    })();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.closeTimeoutMs);
    });
    const outcome = await Promise.race([graceful.catch(() => "failed" as const), deadline]);
    clearTimeout(timer);
    if (outcome === "late") this.logger?.warn("closed the Redis bus without waiting further: Redis does not answer");
    // Disconnecting rejects whatever still waits for Redis, so the stops above unwind at once.
    this.client.disconnect();
  }

  private async deadLetter(topic: string, raw: string, error: string): Promise<void> {
    this.logger?.warn({ topic, error }, "dead-lettered an envelope");
    await this.client.xadd(this.settings.keys.dead(topic), "*", ...deadLetterFields(raw, error, 1));
  }
}
