import type { Logger } from "pino";
import { type Telegram, TelegramError } from "telegraf";
import type { RoomQueue } from "../../runtime/room-queue.js";
import { splitMessage } from "../split-message.js";
import { callWithRetry, type RetryPolicy } from "./call-with-retry.js";
import { formatTelegramHtml } from "./format-telegram-html.js";
import type { TelegramTarget } from "./read-telegram-update.js";

/** Telegram's limit on a message's text, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram shows "typing…" for 5 seconds; renewing it a little sooner keeps it steady. */
const TYPING_RENEW_MS = 4500;

type Where = Pick<TelegramTarget, "chatId" | "threadId"> & { messageId?: number };

/**
 * Sends a bot's messages. Each chat has its own queue, so the parts of a
 * reply and the replies of one chat arrive in order while other chats go on;
 * a 429 holds that chat for Telegram's `retry_after`, 5xx and network
 * failures back off (`callWithRetry`). Text goes out as HTML and, should
 * Telegram refuse the entities, again as plain text. A 403 (the bot was
 * blocked, kicked or may not write there) is logged and the bot carries on.
 */
export class TelegramSender {
  private readonly telegram: Telegram;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly queue: RoomQueue;
  private readonly signal: AbortSignal;

  constructor(options: {
    telegram: Telegram;
    logger: Logger;
    retry: RetryPolicy;
    queue: RoomQueue;
    signal: AbortSignal;
  }) {
    this.telegram = options.telegram;
    this.logger = options.logger;
    this.retry = options.retry;
    this.queue = options.queue;
    this.signal = options.signal;
  }

  /**
   * Sends `text` to the chat (and forum topic), split into messages of at
   * most 4,096 characters; with `quote`, the first replies to `messageId`.
   * Resolves true once every part was accepted, false when one was not (logged).
   */
  send(where: Where, text: string, options: { quote?: boolean } = {}): Promise<boolean> {
    return this.queue.run(String(where.chatId), async () => {
      const parts = splitMessage(text, TELEGRAM_TEXT_LIMIT).filter((part) => part.trim() !== "");
      for (const [index, part] of parts.entries()) {
        const quoted = index === 0 && options.quote && where.messageId !== undefined;
        const extra = {
          ...this.threadOf(where),
          ...(quoted
            ? { reply_parameters: { message_id: where.messageId as number, allow_sending_without_reply: true } }
            : {}),
        };
        if (!(await this.sendPart(where.chatId, part, extra))) return false;
      }
      return true;
    });
  }

  /** Sends the first draft of a reply as plain text (quoting the message in groups); resolves to its id, if sent. */
  sendDraft(where: TelegramTarget, text: string): Promise<number | undefined> {
    return this.queue.run(String(where.chatId), async () => {
      const extra = {
        ...this.threadOf(where),
        ...(where.direct
          ? {}
          : { reply_parameters: { message_id: where.messageId, allow_sending_without_reply: true } }),
      };
      try {
        const sent = await this.call(() => this.telegram.sendMessage(where.chatId, text, extra), where.chatId);
        return sent.message_id;
      } catch (error) {
        this.logger.debug({ err: error, chat: where.chatId }, "could not send a draft; the reply will be sent whole");
        return undefined;
      }
    });
  }

  /** Replaces a draft's text with what the model has written so far (plain text). */
  editDraft(where: TelegramTarget, messageId: number, text: string): Promise<void> {
    return this.queue.run(String(where.chatId), async () => {
      await this.call(() => this.telegram.editMessageText(where.chatId, messageId, undefined, text), where.chatId);
    });
  }

  /**
   * Puts the finished reply in place of its draft: the first part, formatted,
   * by editing the draft, and any further parts as new messages after it.
   */
  replaceDraft(where: TelegramTarget, messageId: number, reply: string): Promise<boolean> {
    return this.queue.run(String(where.chatId), async () => {
      const [first = "", ...rest] = splitMessage(reply, TELEGRAM_TEXT_LIMIT).filter((part) => part.trim() !== "");
      const edit = (text: string, parseMode?: "HTML") =>
        this.telegram.editMessageText(
          where.chatId,
          messageId,
          undefined,
          text,
          parseMode ? { parse_mode: parseMode } : {},
        );
      try {
        await this.withPlainFallback(first, (text, parseMode) => this.call(() => edit(text, parseMode), where.chatId));
      } catch (error) {
        // Telegram refuses an edit that changes nothing: the draft already shows the reply.
        if (!(error instanceof TelegramError && /message is not modified/i.test(error.description))) {
          return this.reportFailure(error, where.chatId);
        }
      }
      for (const part of rest) {
        if (!(await this.sendPart(where.chatId, part, this.threadOf(where)))) return false;
      }
      return true;
    });
  }

  /** Shows "typing…" in the chat until the returned function is called. */
  showTyping(where: Where): () => void {
    const extra = where.threadId !== undefined ? { message_thread_id: where.threadId } : {};
    const show = () =>
      void this.telegram
        .sendChatAction(where.chatId, "typing", extra)
        .catch((error: unknown) => this.logger.debug({ err: error }, "could not show typing"));
    show();
    const timer = setInterval(show, TYPING_RENEW_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Resolves when every queued message has been sent or given up. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async sendPart(chatId: number, part: string, extra: Record<string, unknown>): Promise<boolean> {
    try {
      await this.withPlainFallback(part, (text, parseMode) =>
        this.call(
          () => this.telegram.sendMessage(chatId, text, { ...extra, ...(parseMode ? { parse_mode: parseMode } : {}) }),
          chatId,
        ),
      );
      return true;
    } catch (error) {
      return this.reportFailure(error, chatId);
    }
  }

  /** Sends `part` as Telegram HTML, and again as plain text should Telegram refuse the entities. */
  private async withPlainFallback(part: string, send: (text: string, parseMode?: "HTML") => Promise<unknown>) {
    try {
      await send(formatTelegramHtml(part), "HTML");
    } catch (error) {
      if (!(error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description))) {
        throw error;
      }
      this.logger.debug({ description: error.description }, "Telegram refused the HTML; sending plain text");
      await send(part);
    }
  }

  private call<T>(call: () => Promise<T>, chatId: number): Promise<T> {
    return callWithRetry(call, {
      retry: this.retry,
      logger: this.logger,
      what: `sending to chat ${chatId}`,
      signal: this.signal,
    });
  }

  private threadOf(where: Pick<TelegramTarget, "threadId">): Record<string, number> {
    return where.threadId !== undefined ? { message_thread_id: where.threadId } : {};
  }

  /** Logs why a message did not go out (a 403 is a warning: the bot was blocked or removed); always false. */
  private reportFailure(error: unknown, chatId: number): false {
    if (error instanceof TelegramError && error.code === 403) {
      this.logger.warn(
        { chat: chatId, description: error.description },
        "cannot write to this chat (403); carrying on",
      );
    } else if (this.signal.aborted) {
      this.logger.warn({ chat: chatId }, "stopped while waiting to send; the message was not sent");
    } else {
      const code = error instanceof TelegramError ? error.code : "network";
      this.logger.error({ chat: chatId, code, err: error }, "could not send a message to Telegram");
    }
    return false;
  }
}
