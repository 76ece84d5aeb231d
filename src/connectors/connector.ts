import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { Readiness } from "../health/index.js";
import type { InboundMessage } from "../messages/index.js";
import type { ActionRun, OutboundMessage } from "../plugins/index.js";
import type { Store } from "../store/index.js";
import type { WebhookRoutes } from "./webhook-routes.js";

/** The contract's version: a connector written for another version is refused with a clear error, not misread. */
export const CONNECTOR_API_VERSION = 1;

/** What a connector gets back from an agent for one inbound message. */
export interface ConnectorReply {
  text: string;
  /** The actions that ran for it, for connectors that show them (the HTTP API). */
  actions?: ActionRun[];
  /** The id of the message's trace (`GET /traces/:id`), for connectors that show it. */
  traceId?: string;
  /** With `confirmsDelivery`: call once the platform took the reply (see there). */
  delivered?: () => void;
}

/** Per-message options a connector may pass along with a message. */
export interface ConnectorHandleOptions {
  /** Receives the reply token by token while the model writes it (typing drafts, message edits). */
  onToken?: (token: string) => void;
  /**
   * The connector calls the reply's `delivered()` once the platform took it, and can send to the message's
   * room later (`deliver`). Until then the message is owed an answer: a start after a crash answers it, or sends
   * the reply recorded for it, once (at least once: a kill between the platform taking it and the record that it
   * did sends it twice). Without it, an answer counts as given once recorded (an HTTP request whose client is gone
   * cannot be answered after a restart).
   */
  confirmsDelivery?: boolean;
  /**
   * Called once the message is stored (acknowledged), or known to need no storing (delivered twice, turned
   * away by the rate limit). A connector that confirms receipt to its platform (Telegram's update offset)
   * waits for it, so a kill before it does not lose the message.
   */
  onRecorded?: () => void;
}

/** What a connector asks for when the agent posts on its own (a scheduled post on X). */
export interface PostRequest {
  /** Where it will appear, e.g. `twitter`. */
  platform: string;
  /** What to write about; usually one of the character's `topics`. */
  topic?: string;
  /** Most characters the post may have, as the platform counts them. */
  maxLength: number;
}

/** One agent as a connector sees it: its character (for policy and greetings) and the way in. */
export interface ConnectedAgent {
  readonly name: string;
  readonly character: Character;
  /**
   * True while the operator has paused the agent: `handle` then records the
   * message and answers nothing (resolves undefined). Connectors that can say
   * so tell the user (the HTTP API answers 409). Absent means running.
   */
  readonly paused?: boolean;
  /** Handles one message; resolves to the reply, or undefined when the agent stays silent. */
  handle(message: InboundMessage, options?: ConnectorHandleOptions): Promise<ConnectorReply | undefined>;
  /**
   * Asks the agent's plugins to offer again the proactive messages they keep
   * because no connector could deliver them (a reminder for a user who was
   * away); resolves once offered. A connector calls it when a user it can
   * now reach shows up, as the HTTP API does when a user collects messages.
   */
  redeliver(): Promise<void>;
  /**
   * Forgets one user on their request (Discord's `/forget-me`): their
   * conversation memories, profile and the rooms only they talked in.
   * Optional: a connector says so when the agent cannot.
   */
  forgetUser?(userId: string): Promise<ForgottenUser>;
  /** Writes a post in the character's voice with its model; connectors that post on their own need it. */
  writePost?(request: PostRequest): Promise<string>;
}

/** What `forgetUser` removed: long-term memories, working-memory documents and logged messages. */
export interface ForgottenUser {
  memories: number;
  documents: number;
  messages: number;
}

/** What the troupe hands a connector when it starts it. */
export interface ConnectorHost {
  /** The agents of the troupe, in the order their character files were given. */
  readonly agents: readonly ConnectedAgent[];
  readonly logger: Logger;
  /** Paths on the troupe's HTTP server a connector can receive webhooks on (a Telegram bot in webhook mode). */
  readonly webhooks?: WebhookRoutes;
  /**
   * The troupe's SQLite store, for a connector's durable state (cursors, claimed messages); the connector
   * migrates its own tables. `Troupe.connect` always passes it; a connector that needs it says so without it.
   */
  readonly store?: Store;
}

/**
 * Carries messages between one platform and the runtime. It turns platform
 * events into `InboundMessage`s, hands them to an agent, and sends the reply
 * back; it also delivers messages an agent starts on its own (a reminder).
 * A connector may serve one agent (a Telegram bot is one character) or all
 * of them (the HTTP API). Nothing past a connector knows the platform's shapes.
 *
 * @example
 * const troupe = await Troupe.start(files, { dataDir });
 * await troupe.connect(createTelegramConnector({ agent: "Juno", token, logger }));
 */
export interface Connector {
  readonly apiVersion: typeof CONNECTOR_API_VERSION;
  /** `telegram`, `discord`, `twitter`, `http`, `terminal`: the `platform` of the messages it hands in. */
  readonly platform: string;
  /** Starts receiving; resolves once connected (a rejected token rejects, naming the character and variable). */
  start(host: ConnectorHost): Promise<void>;
  /** Stops receiving and sending; resolves when nothing of it is left running. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Sends a message an agent starts on its own to the room it names. Resolves
   * true once the platform accepted it, false when this connector cannot reach
   * that room or agent, or is stopped (the sender then keeps the message, and
   * offers it again when a connector starts). The troupe offers each message
   * to the connectors of its platform in turn until one says true.
   */
  deliver(message: OutboundMessage): Promise<boolean>;
  /** Who it is connected as, for start-up lines: `@juno_bot`, `http://127.0.0.1:3000`. Undefined before start. */
  connectedAs(): string | undefined;
  /** What `/health` shows of this connector (today's calls and cost, a stopped state). Optional. */
  health?(): Record<string, unknown>;
  /**
   * Whether it can take and send messages now (`GET /ready`): false while its platform connection is down,
   * with the reason. Optional: a started connector without it counts as ready.
   */
  readiness?(): Readiness;
  /** Whether it carries the named agent's messages (a bot per character); absent means it carries every agent's. */
  serves?(agent: string): boolean;
}
