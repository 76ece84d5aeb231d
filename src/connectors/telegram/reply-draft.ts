import type { Logger } from "pino";
import type { TelegramTarget } from "./read-telegram-update.js";
import type { TelegramSender } from "./telegram-sender.js";
import { TELEGRAM_TEXT_LIMIT } from "./telegram-sender.js";

/** Characters the model must have written before a draft appears, so a one-word reply is not sent twice. */
const FIRST_DRAFT_CHARS = 40;

/**
 * A reply shown while the model writes it: the first tokens go out as a
 * draft message (plain text, since half-written Markdown does not parse),
 * which is edited with what has come since at most every `intervalMs`; the
 * finished reply replaces it, formatted, with any parts past 4,096
 * characters sent after it. Edits of one chat go through its send queue, in order.
 */
export class ReplyDraft {
  private readonly sender: TelegramSender;
  private readonly logger: Logger;
  private readonly target: TelegramTarget;
  private readonly intervalMs: number;
  private text = "";
  private shown = "";
  private messageId: Promise<number | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: {
    sender: TelegramSender;
    logger: Logger;
    target: TelegramTarget;
    intervalMs: number;
  }) {
    this.sender = options.sender;
    this.logger = options.logger;
    this.target = options.target;
    this.intervalMs = options.intervalMs;
  }

  /** Takes the next token of the reply (the agent's `onToken`). */
  add = (token: string): void => {
    this.text += token;
    if (!this.messageId && this.text.trim().length >= FIRST_DRAFT_CHARS) {
      this.shown = this.visible();
      this.messageId = this.sender.sendDraft(this.target, this.shown);
    } else if (this.messageId && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.edit(this.visible());
      }, this.intervalMs);
    }
  };

  /**
   * Puts the finished reply in place of the draft (or sends it as usual when no draft went out); resolves
   * false when Telegram did not take it (logged), so the message stays owed an answer.
   */
  async finish(reply: string): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const messageId = await this.messageId;
    if (messageId === undefined) return this.sender.send(this.target, reply, { quote: !this.target.direct });
    return this.sender.replaceDraft(this.target, messageId, reply);
  }

  /** Drops the draft's pending edit (the agent failed or stayed silent). */
  cancel(): void {
    clearTimeout(this.timer);
  }

  private visible(): string {
    return this.text.length > TELEGRAM_TEXT_LIMIT ? `${this.text.slice(0, TELEGRAM_TEXT_LIMIT - 1)}…` : this.text;
  }

  private async edit(text: string): Promise<void> {
    const messageId = await this.messageId;
    if (messageId === undefined || text === this.shown) return;
    this.shown = text;
    // A draft that falls behind is no harm: the finished reply replaces it.
    await this.sender.editDraft(this.target, messageId, text).catch((error: unknown) => {
      this.logger.debug({ err: error }, "could not update the draft");
    });
  }
}
