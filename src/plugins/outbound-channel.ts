import type { Logger } from "pino";
import type { OutboundMessage } from "./plugin-runtime.js";

/** Receives messages an agent sends on its own initiative. */
export type OutboundListener = (message: OutboundMessage) => void;

/** Messages kept while nobody listens (a reminder due while the process was down, delivered at start). */
const MAX_WAITING = 100;

/**
 * The agent's way out for proactive messages. Messages sent before anyone
 * subscribes wait and go to the first subscriber, so a reminder that fell
 * due during a restart is not lost while connectors are still starting.
 */
export class OutboundChannel {
  private readonly listeners = new Set<OutboundListener>();
  private readonly waiting: OutboundMessage[] = [];

  constructor(private readonly logger: Logger) {}

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: OutboundListener): () => void {
    this.listeners.add(listener);
    for (const message of this.waiting.splice(0)) this.deliver(message);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Delivers to every listener now, or keeps the message until one subscribes. */
  send(message: OutboundMessage): void {
    if (this.listeners.size > 0) {
      this.deliver(message);
      return;
    }
    if (this.waiting.length >= MAX_WAITING) {
      this.logger.warn(
        { room: message.room.id, source: message.source },
        "nobody listens for outbound messages; dropped the oldest",
      );
      this.waiting.shift();
    }
    this.waiting.push(message);
  }

  private deliver(message: OutboundMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.logger.error({ err: error, room: message.room.id }, "an outbound listener failed");
      }
    }
  }
}
