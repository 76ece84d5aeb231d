import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { Store } from "../store/index.js";

/** A message the agent sends on its own (a reminder, a plugin's extra reply) to a room it has talked in. */
export interface OutboundMessage {
  /** The agent that speaks. */
  agent: string;
  /** The platform and room to deliver to, as they came in with the user's message. */
  platform: string;
  room: { id: string; kind: "direct" | "group" };
  /** The user the message is for, when there is one. */
  userId?: string;
  text: string;
  /** Which plugin sent it, for logs and connectors that label proactive messages. */
  source?: string;
  /** The platform's id of the user's message this answers (an answer sent after a restart); connectors that can, reply to it. */
  replyTo?: string;
}

/**
 * What every plugin hook can reach: the agent's character, the shared SQLite
 * store (plugins keep durable state there), a logger, a way to speak on the
 * agent's own initiative, and the handles of started services.
 */
export interface PluginRuntime {
  agent: { name: string; character: Character };
  db: Store;
  logger: Logger;
  /**
   * Offers a message to the connectors of its platform. Resolves true once
   * one sent it; false when none could reach the room (nobody there yet):
   * keep the message and offer it again from the service's `redeliver`.
   */
  send(message: Omit<OutboundMessage, "agent">): Promise<boolean>;
  /** The handle a service's `start` returned, by service name. */
  service<Handle = unknown>(name: string): Handle | undefined;
}

/** The agent's memory as plugins see it, scoped to the user and room of the current message. */
export interface PluginMemory {
  /** What the agent knows about this user (`name`, `city`, …). */
  facts(): Record<string, string>;
  /** Long-term memories of this room and user most relevant to `query`, best first. */
  recall(query: string, k?: number): Promise<string[]>;
  /** Stores a long-term memory for this room and user (importance 0–1, default 0.6). */
  remember(text: string, importance?: number): void;
}
