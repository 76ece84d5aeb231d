import type { Envelope } from "./envelope.js";

/** Runs one envelope. Resolving acknowledges it; throwing retries it (in a group) until `maxAttempts`. */
export type Handler = (envelope: Envelope) => Promise<void> | void;

/** Stops a subscription; a group consumer's unacknowledged envelopes go to the group's other consumers. */
export type Unsubscribe = () => Promise<void>;

/** How to subscribe. */
export interface SubscribeOptions {
  /**
   * Consumer group: each envelope goes to one subscriber of the group, stays
   * pending until its handler resolves, is retried when it throws and is
   * dead-lettered after `maxAttempts`. Without a group every subscriber gets
   * every envelope (broadcast), once, with no retries.
   */
  group?: string;
  /** This consumer's name inside the group (default: a fresh id). */
  consumer?: string;
  /** Envelopes this subscriber handles at once. Default 16. */
  concurrency?: number;
  /** Broadcast only: also deliver envelopes published since this time (epoch ms), where the bus still has them. */
  since?: number;
}

/** How to publish. */
export interface PublishOptions {
  /**
   * Deliver only to a topic someone subscribed to and nobody retired: a
   * result for a process that has stopped is dropped instead of recreating
   * its inbox. Default false (the envelope waits for a future subscriber).
   */
  onlyToExisting?: boolean;
}

/** An envelope the bus gave up on, with why. */
export interface DeadLetter {
  /** What was received, as text (it may not be a valid envelope). */
  raw: string;
  error: string;
  attempts: number;
  at: number;
}

/** Whether the bus can carry envelopes now (for readiness checks). */
export interface BusStatus {
  ready: boolean;
  /** Why not, in one line, while not ready. */
  reason?: string;
}

/**
 * The message bus (DESIGN.md §7). Two implementations behave the same way,
 * checked by one contract test suite: `InProcessBus` (one process) and
 * `RedisBus` (Redis Streams, across processes and machines).
 */
export interface Bus {
  /** Attempts before an envelope whose handler keeps throwing is dead-lettered. */
  readonly maxAttempts: number;
  publish(topic: string, envelope: Envelope, options?: PublishOptions): Promise<void>;
  /** Resolves once the subscription is receiving. */
  subscribe(topic: string, handler: Handler, options?: SubscribeOptions): Promise<Unsubscribe>;
  /** The dead-letter entries of a topic, oldest first. */
  deadLetters(topic: string): Promise<DeadLetter[]>;
  /** Nobody will read `topic` again (a stopped process's inbox): drops what it holds, dead letters included. */
  retire(topic: string): Promise<void>;
  /** Whether the bus can carry envelopes now: false while its server is unreachable. */
  status(): BusStatus;
  /** Stops every subscription (waiting for running handlers) and releases connections. */
  close(): Promise<void>;
}
