import type { Message, SendableChannels } from "discord.js";
import type { Logger } from "pino";
import { splitMessage } from "../split-message.js";
import { ALLOWED_MENTIONS, DISCORD_MESSAGE_LIMIT, sendChunks, sendParts } from "./send-chunks.js";

/** Characters the model must have written before a draft appears, so a one-word reply is not sent twice. */
const FIRST_DRAFT_CHARS = 40;

/**
 * A Discord reply shown while the model writes it (`streamReplies`): the
 * first tokens go out as a reply to the user's message, which is edited with
 * what has come since at most every `intervalMs`; the finished reply's first
 * 2,000-character part replaces the draft and the rest follow as new messages.
 */
export class DiscordReplyDraft {
  private text = "";
  private shown = "";
  private message: Promise<Message | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private edits: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      channel: SendableChannels;
      /** The user's message: the draft replies to it, and its id is the nonce of every part. */
      replyTo: string;
      intervalMs: number;
      logger: Logger;
    },
  ) {}

  /** Takes the next token of the reply (the agent's `onToken`). */
  add = (token: string): void => {
    this.text += token;
    if (!this.message && this.text.trim().length >= FIRST_DRAFT_CHARS) {
      this.shown = this.visible();
      const { channel, replyTo, logger } = this.options;
      // A draft that cannot be sent is no harm: the finished reply then goes out as usual.
      this.message = sendParts(channel, [this.shown], { replyTo, nonce: replyTo, logger })
        .then(([message]) => message)
        .catch((error: unknown) => {
          logger.debug({ err: error }, "could not send the draft");
          return undefined;
        });
    } else if (this.message && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.edits = this.edits.then(() => this.edit(this.visible()));
      }, this.options.intervalMs);
    }
  };

  /** Puts the finished reply in place of the draft (or sends it as usual when no draft went out). */
  async finish(reply: string): Promise<void> {
    this.cancel();
    await this.edits;
    const draft = await this.message;
    const { channel, replyTo, logger } = this.options;
    if (!draft) {
      await sendChunks(channel, reply, { replyTo, nonce: replyTo, logger });
      return;
    }
    const [first = "", ...rest] = splitMessage(reply, DISCORD_MESSAGE_LIMIT);
    if (first !== this.shown) await draft.edit({ content: first, allowedMentions: ALLOWED_MENTIONS });
    await sendParts(channel, rest, { replyTo, nonce: replyTo, logger }, 1);
  }

  /** Drops the draft's pending edit (the agent failed or stayed silent). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private visible(): string {
    return this.text.length > DISCORD_MESSAGE_LIMIT ? `${this.text.slice(0, DISCORD_MESSAGE_LIMIT - 1)}…` : this.text;
  }

  private async edit(text: string): Promise<void> {
    const draft = await this.message;
    if (!draft || text === this.shown) return;
    this.shown = text;
    // A draft that falls behind is no harm: the finished reply replaces it.
    await draft.edit({ content: text, allowedMentions: ALLOWED_MENTIONS }).catch((error: unknown) => {
      this.options.logger.debug({ err: error }, "could not update the draft");
    });
  }
}
