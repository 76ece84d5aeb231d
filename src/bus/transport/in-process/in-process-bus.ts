import type { Logger } from "pino";
import type { Bus, BusStatus, DeadLetter, Handler, PublishOptions, SubscribeOptions, Unsubscribe } from "../../bus.js";
import { type Envelope, isExpired, readEnvelope } from "../../envelope.js";
import { RecentIds } from "./recent-ids.js";

/** Options of `InProcessBus`. */
export interface InProcessBusOptions {
  /** Attempts before a failing envelope is dead-lettered. Default 3. */
  maxAttempts?: number;
  logger?: Logger;
}

interface Queued {
  value: unknown;
  priority: number;
}

interface Consumer {
  handler: Handler;
  concurrency: number;
  active: number;
  held: Set<Queued>;
  deliveries: Set<Promise<void>>;
  closed: boolean;
}

interface Group {
  queue: Queued[];
  consumers: Consumer[];
  next: number;
  done: RecentIds;
  running: Set<string>;
}

interface Listener {
  handler: Handler;
}

interface Topic {
  groups: Map<string, Group>;
  listeners: Set<Listener>;
  recent: { at: number; value: unknown }[];
  dead: DeadLetter[];
}

/** Broadcast envelopes kept per topic for late subscribers that ask for them (`since`). */
const RECENT_LIMIT = 1000;
/** A duplicate that arrives while its twin runs waits this long before it is looked at again. */
const DUPLICATE_RETRY_MS = 5;

/**
 * The default bus: everything in one process, no server. Same semantics as
 * `RedisBus` (consumer groups, pending until the handler resolves, retries,
 * dead letters, idempotency by envelope id, priorities, deadlines); a
 * consumer that unsubscribes with tasks in hand hands them to the group's
 * other consumers, the in-process equivalent of a consumer that died.
 */
export class InProcessBus implements Bus {
  readonly maxAttempts: number;
  private readonly topics = new Map<string, Topic>();
  private readonly running = new Set<Promise<void>>();
  private readonly logger: Logger | undefined;
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.logger = options.logger;
  }

  async publish(topicName: string, envelope: Envelope, options: PublishOptions = {}): Promise<void> {
    if (this.closed) throw new Error("The bus is closed.");
    if (options.onlyToExisting && !this.topics.has(topicName)) return;
    const topic = this.topic(topicName);
    const value = structuredClone(envelope) as unknown;
    for (const listener of topic.listeners) this.track(this.broadcast(topicName, listener, value));
    topic.recent.push({ at: Date.now(), value });
    if (topic.recent.length > RECENT_LIMIT) topic.recent.shift();
    for (const group of topic.groups.values()) this.enqueue(topicName, group, value);
  }

  async subscribe(topicName: string, handler: Handler, options: SubscribeOptions = {}): Promise<Unsubscribe> {
    if (this.closed) throw new Error("The bus is closed.");
    const topic = this.topic(topicName);
    if (options.group === undefined) {
      const listener: Listener = { handler };
      topic.listeners.add(listener);
      const since = options.since;
      if (since !== undefined) {
        for (const entry of topic.recent) {
          if (entry.at >= since) this.track(this.broadcast(topicName, listener, entry.value));
        }
      }
      return async () => {
        topic.listeners.delete(listener);
      };
    }
    const group = this.group(topic, options.group);
    const consumer: Consumer = {
      handler,
      concurrency: options.concurrency ?? 16,
      active: 0,
      held: new Set(),
      deliveries: new Set(),
      closed: false,
    };
    group.consumers.push(consumer);
    this.pump(topicName, group);
    return async () => {
      if (consumer.closed) return;
      consumer.closed = true;
      group.consumers = group.consumers.filter((other) => other !== consumer);
      // What this consumer still holds goes back to the front of the queue for the others.
      for (const item of consumer.held) {
        const id = idOf(item.value);
        if (id) group.running.delete(id);
        group.queue.unshift(item);
      }
      consumer.held.clear();
      // A handler it abandoned may never finish; closing the bus does not wait for it.
      for (const delivery of consumer.deliveries) this.running.delete(delivery);
      this.pump(topicName, group);
    };
  }

  async deadLetters(topicName: string): Promise<DeadLetter[]> {
    return [...(this.topics.get(topicName)?.dead ?? [])];
  }

  async retire(topicName: string): Promise<void> {
    this.topics.delete(topicName);
  }

  /** Always ready: nothing outside the process can fail it. */
  status(): BusStatus {
    return { ready: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const topic of this.topics.values()) {
      topic.listeners.clear();
      for (const group of topic.groups.values()) group.consumers = [];
    }
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private topic(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { groups: new Map(), listeners: new Set(), recent: [], dead: [] };
      this.topics.set(name, topic);
    }
    return topic;
  }

  private group(topic: Topic, name: string): Group {
    let group = topic.groups.get(name);
    if (!group) {
      // A new group starts with what is already on the topic, as a Redis group created at 0 does.
      const queue = topic.recent
        .map((entry) => ({ value: entry.value, priority: priorityOf(entry.value) }))
        .sort((a, b) => b.priority - a.priority);
      group = { queue, consumers: [], next: 0, done: new RecentIds(), running: new Set() };
      topic.groups.set(name, group);
    }
    return group;
  }

  private enqueue(topicName: string, group: Group, value: unknown): void {
    const item = { value, priority: priorityOf(value) };
    // Higher priority first, first in first out within a priority.
    let index = group.queue.length;
    while (index > 0 && (group.queue[index - 1] as Queued).priority < item.priority) index--;
    group.queue.splice(index, 0, item);
    this.pump(topicName, group);
  }

  private pump(topicName: string, group: Group): void {
    while (group.queue.length > 0 && !this.closed) {
      const consumer = pickConsumer(group);
      if (!consumer) return;
      const item = group.queue.shift() as Queued;
      consumer.active++;
      consumer.held.add(item);
      const delivery = this.deliver(topicName, group, consumer, item);
      consumer.deliveries.add(delivery);
      void delivery.finally(() => consumer.deliveries.delete(delivery));
      this.track(delivery);
    }
  }

  private async deliver(topicName: string, group: Group, consumer: Consumer, item: Queued): Promise<void> {
    await null;
    try {
      const read = readEnvelope(item.value);
      if ("error" in read) {
        this.deadLetter(topicName, item.value, read.error, 1);
        return;
      }
      const envelope = read.envelope;
      if (isExpired(envelope)) {
        this.logger?.warn({ topic: topicName, id: envelope.id }, "dropped an expired envelope");
        return;
      }
      if (group.done.has(envelope.id)) return;
      if (group.running.has(envelope.id)) {
        setTimeout(() => this.enqueue(topicName, group, item.value), DUPLICATE_RETRY_MS);
        return;
      }
      group.running.add(envelope.id);
      try {
        await consumer.handler(envelope);
        group.done.add(envelope.id);
      } catch (error) {
        if (!consumer.closed) this.retry(topicName, group, envelope, error);
      } finally {
        if (!consumer.closed) group.running.delete(envelope.id);
      }
    } finally {
      consumer.active--;
      consumer.held.delete(item);
      this.pump(topicName, group);
    }
  }

  private retry(topicName: string, group: Group, envelope: Envelope, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (envelope.attempt >= this.maxAttempts) {
      this.deadLetter(topicName, envelope, message, envelope.attempt);
      return;
    }
    this.enqueue(topicName, group, { ...envelope, attempt: envelope.attempt + 1, error: message });
  }

  private async broadcast(topicName: string, listener: Listener, value: unknown): Promise<void> {
    await null;
    const read = readEnvelope(value);
    if ("error" in read) {
      this.deadLetter(topicName, value, read.error, 1);
      return;
    }
    try {
      await listener.handler(read.envelope);
    } catch (error) {
      this.logger?.warn({ err: error, topic: topicName }, "a broadcast handler failed");
    }
  }

  private deadLetter(topicName: string, value: unknown, error: string, attempts: number): void {
    const raw = typeof value === "string" ? value : JSON.stringify(value);
    this.topic(topicName).dead.push({ raw, error, attempts, at: Date.now() });
    this.logger?.warn({ topic: topicName, error, attempts }, "dead-lettered an envelope");
  }

  private track(promise: Promise<void>): void {
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }
}

function pickConsumer(group: Group): Consumer | undefined {
  for (let i = 0; i < group.consumers.length; i++) {
    const index = (group.next + i) % group.consumers.length;
    const consumer = group.consumers[index] as Consumer;
    if (consumer.active < consumer.concurrency) {
      group.next = index + 1;
      return consumer;
    }
  }
  return undefined;
}

function priorityOf(value: unknown): number {
  const priority = (value as { priority?: unknown } | null)?.priority;
  return typeof priority === "number" ? priority : 0;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}
