import type { Logger } from "pino";
import { Telegram, TelegramError } from "telegraf";
import type { Character } from "../../character/index.js";
import { READY, type Readiness } from "../../health/index.js";
import type { OutboundMessage } from "../../plugins/index.js";
import { RoomQueue } from "../../runtime/room-queue.js";
import { CONNECTOR_API_VERSION, type ConnectedAgent, type ConnectorHost } from "../connector.js";
import { ConnectorTokenRejectedError } from "../connector-token-rejected-error.js";
import { describePolicy } from "../describe-policy.js";
import type { PlatformConnector } from "../platform-connector-factory.js";
import { type ConnectorToken, describeTokenSource } from "../read-connector-token.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./call-with-retry.js";
import { commandReply } from "./command-reply.js";
import { readTelegramUpdate, type TelegramBotIdentity } from "./read-telegram-update.js";
import { ReplyDraft } from "./reply-draft.js";
import { startTelegramWebhook } from "./start-telegram-webhook.js";
import { TelegramConflictError } from "./telegram-conflict-error.js";
import { TelegramSender } from "./telegram-sender.js";
import { UpdatePoller } from "./update-poller.js";

/** Telegram's public Bot API. */
export const TELEGRAM_API_ROOT = "https://api.telegram.org/";

export interface TelegramConnectorOptions {
  /** The character the bot speaks as; its agent must be in the troupe. */
  character: Character;
  token: ConnectorToken;
  logger: Logger;
  /** Bot API base URL ending in `/` (a self-hosted Bot API server, a proxy, a test fake). Default: Telegram's. */
  apiRoot?: string;
  /**
   * Webhook mode: Telegram POSTs updates to `<baseUrl>/<bot username>`, served by Troupe's HTTP server at
   * that path, so several bots share one base. Default: long polling.
   */
  webhook?: { baseUrl: string; secret?: string };
  /** Backoff for sends and for a failing getUpdates. Default: 1 s doubling to 30 s, 5 tries per send. */
  retry?: Partial<RetryPolicy>;
  /** Long-poll timeout of getUpdates, in seconds. Default 50. */
  pollTimeoutSeconds?: number;
  /** With the character's `streamReplies`: least time between two edits of a draft reply, in ms. Default 1000. */
  draftIntervalMs?: number;
}

/**
 * One character's Telegram bot, on telegraf's Bot API client: long polling
 * (or a webhook on Troupe's HTTP server), private chats, groups, supergroups
 * and forum topics as rooms, `/start` and `/help` from the character, and
 * replies split, formatted and sent through `TelegramSender`. Every update it
 * leaves alone is logged at debug level with the reason.
 */
export class TelegramConnector implements PlatformConnector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "telegram";
  private readonly options: TelegramConnectorOptions;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly inflight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private me: TelegramBotIdentity | undefined;
  private agent: ConnectedAgent | undefined;
  private sender: TelegramSender | undefined;
  private poller: UpdatePoller | undefined;
  private unmount: (() => void) | undefined;

  constructor(options: TelegramConnectorOptions) {
    this.options = options;
    this.logger = options.logger;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  async start(host: ConnectorHost): Promise<void> {
    const { character, token } = this.options;
    this.agent = host.agents.find((agent) => agent.name === character.name);
    if (!this.agent) throw new Error(`The Telegram bot of ${character.name} has no agent of that name in the troupe.`);
    const telegram = new Telegram(token.value, { apiRoot: this.options.apiRoot ?? TELEGRAM_API_ROOT });
    this.me = await this.identify(telegram);
    const queue = new RoomQueue();
    this.sender = new TelegramSender({
      telegram,
      logger: this.logger,
      retry: this.retry,
      queue,
      signal: this.stopping.signal,
    });
    if (this.options.webhook) {
      this.unmount = await startTelegramWebhook({
        telegram,
        webhooks: host.webhooks,
        ...this.options.webhook,
        botUsername: this.me.username,
        logger: this.logger,
        onUpdate: (update) => this.dispatch(update),
      });
      return;
    }
    // Updates come by polling now: a webhook left from an earlier run would make getUpdates fail with 409.
    await telegram.deleteWebhook();
    const poller = new UpdatePoller({
      telegram,
      logger: this.logger,
      retry: this.retry,
      timeoutSeconds: this.options.pollTimeoutSeconds ?? 50,
      onUpdate: (update) => this.dispatch(update),
      onFatal: (error) => this.logger.error({ code: error.code }, this.fatalMessage(error)),
    });
    try {
      await poller.start();
    } catch (error) {
      if (error instanceof TelegramError && error.code === 409) throw this.conflict(error);
      throw error;
    }
    this.poller = poller;
  }

  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.unmount?.();
    await this.poller?.stop();
    // Replies being written still go out; a send waiting out a rate limit is cut short.
    await Promise.allSettled([...this.inflight]);
    this.stopping.abort();
    await this.sender?.drain();
  }

  async deliver(message: OutboundMessage): Promise<boolean> {
    if (message.platform !== "telegram" || message.agent.toLowerCase() !== this.options.character.name.toLowerCase()) {
      return false;
    }
    const room = /^(-?\d+)(?::(\d+))?$/.exec(message.room.id);
    if (!room || !this.sender) return false;
    const target = {
      chatId: Number(room[1]),
      threadId: room[2] ? Number(room[2]) : undefined,
      direct: message.room.kind === "direct",
    };
    return this.sender.send(target, message.text);
  }

  /** It carries one agent's messages. */
  serves(agent: string): boolean {
    return agent.toLowerCase() === this.options.character.name.toLowerCase();
  }

  connectedAs(): string | undefined {
    return this.me ? `@${this.me.username}` : undefined;
  }

  /** Ready once started and until stopped: by webhook, or while polling gets updates. */
  readiness(): Readiness {
    if (!this.me || this.stopping.signal.aborted) return { ready: false, reason: "not connected to Telegram" };
    if (this.unmount) return READY;
    return this.poller?.readiness() ?? { ready: false, reason: "not receiving Telegram updates yet" };
  }

  describeAnswers(): string {
    return describePolicy(this.options.character.connectors.telegram);
  }

  /** Who the token belongs to; a token Telegram refuses is one clear error naming the character and variable. */
  private async identify(telegram: Telegram): Promise<TelegramBotIdentity> {
    const { character, token } = this.options;
    try {
      const me = await telegram.getMe();
      return { id: me.id, username: me.username };
    } catch (error) {
      // 401 for a revoked token, 404 for one that is not a token at all.
      if (error instanceof TelegramError && (error.code === 401 || error.code === 404)) {
        throw new ConnectorTokenRejectedError({
          platform: "telegram",
          agent: character.name,
          tokenSource: describeTokenSource(token, character.name),
          hint: "copy the token again from @BotFather (/mybots, API Token)",
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * Hands one update on without waiting for its reply, so a slow reply in one chat never holds up the others;
   * resolves once its message is recorded (or the update needs no recording).
   */
  private dispatch(update: unknown): Promise<void> {
    let recorded = () => {};
    const stored = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const work = this.handle(update, recorded)
      .catch((error: unknown) => this.logger.error({ err: error }, "could not handle a Telegram update"))
      .finally(recorded);
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
    return stored;
  }

  private async handle(update: unknown, onRecorded: () => void): Promise<void> {
    const me = this.me as TelegramBotIdentity;
    const sender = this.sender as TelegramSender;
    const reading = readTelegramUpdate(update, me);
    if (reading.kind === "ignore") {
      this.logger.debug({ reason: reading.reason }, "not answering");
      return;
    }
    if (reading.kind === "command") {
      const text = commandReply(reading.command, this.options.character, {
        botUsername: me.username,
        userName: reading.userName,
      });
      await sender.send(reading.target, text, { quote: !reading.target.direct });
      return;
    }
    const { message, target } = reading;
    const policy = this.options.character.connectors.telegram;
    const expected = target.direct || message.mentionsAgent || message.repliesToAgent || policy?.respondTo === "all";
    const typing = expected ? sender.showTyping(target) : undefined;
    const draft =
      expected && policy?.streamReplies
        ? new ReplyDraft({ sender, logger: this.logger, target, intervalMs: this.options.draftIntervalMs ?? 1000 })
        : undefined;
    let reply: Awaited<ReturnType<ConnectedAgent["handle"]>>;
    try {
      reply = await (this.agent as ConnectedAgent).handle(message, {
        onToken: draft?.add,
        confirmsDelivery: true,
        onRecorded,
      });
    } finally {
      typing?.();
      if (!reply) draft?.cancel();
    }
    if (!reply) return;
    const sent = draft
      ? await draft.finish(reply.text)
      : await sender.send(target, reply.text, { quote: !target.direct });
    if (sent) reply.delivered?.();
  }

  private conflict(error: TelegramError): TelegramConflictError {
    const bot = this.connectedAs() ?? "this bot";
    return new TelegramConflictError({
      agent: this.options.character.name,
      bot,
      description: error.description,
      cause: error,
    });
  }

  private fatalMessage(error: TelegramError): string {
    if (error.code === 409) return this.conflict(error).message;
    const where = describeTokenSource(this.options.token, this.options.character.name);
    return `Telegram no longer accepts the bot token of ${this.options.character.name}, from ${where}; its bot stops.`;
  }
}
