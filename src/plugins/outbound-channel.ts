import type { Logger } from "pino";
import type { OutboundMessage } from "./plugin-runtime.js";

/**
 * Offered a message an agent sends on its own initiative: resolves true once
 * it delivered it (a connector sent it), false when it cannot reach that
 * platform or room, so the message goes on to the next listener or back to
 * the sender.
 */
export type OutboundListener = (message: OutboundMessage) => boolean | Promise<boolean>;

/**
 * The agent's way out for proactive messages. A message is offered to each
 * listener in turn until one delivers it, and `send` says whether one did:
 * a plugin marks a message sent only when it really went out, and keeps it
 * otherwise (a reminder stays pending and is offered again when a connector
 * starts, see `Service.redeliver`).
 */
export class OutboundChannel {
  private readonly listeners: OutboundListener[] = [];

  constructor(private readonly logger: Logger) {}

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: OutboundListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  /** Offers the message to the listeners in order; resolves true once one delivered it, false when none did. */
  async send(message: OutboundMessage): Promise<boolean> {
    for (const listener of [...this.listeners]) {
      try {
        if (await listener(message)) return true;
      } catch (error) {
        this.logger.error({ err: error, room: message.room.id }, "an outbound listener failed");
      }
    }
    return false;
  }
}
