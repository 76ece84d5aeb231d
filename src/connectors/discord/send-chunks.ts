import { randomBytes } from "node:crypto";
import type { Message, MessageMentionOptions, SendableChannels } from "discord.js";
import type { Logger } from "pino";
import { splitMessage } from "../split-message.js";
import { retrySend } from "./retry-send.js";

/** Discord refuses message content over 2,000 characters. */
export const DISCORD_MESSAGE_LIMIT = 2_000;

/**
 * Whom a reply may ping: users named in it and the person it answers, never
 * `@everyone`, `@here` or a role, whatever the model wrote.
 */
export const ALLOWED_MENTIONS: MessageMentionOptions = { parse: ["users"], repliedUser: true };

export interface SendChunksOptions {
  /** The message the first chunk replies to (the user's); later chunks follow it in the channel. */
  replyTo?: string;
  /**
   * Makes the sends idempotent: chunk `i` carries nonce `<nonce>.<i>` with
   * `enforce_nonce`, so a retry after a lost response does not post twice.
   * Default: a random one (25 characters at most, as Discord allows).
   */
  nonce?: string;
  logger: Logger;
}

/**
 * Sends a reply of any length: split at 2,000 characters on paragraph, line
 * and word boundaries (never inside a code fence, URL or surrogate pair), the
 * first chunk as a reply to the user's message, each retried with backoff.
 * Resolves to the messages sent, in order.
 */
export function sendChunks(channel: SendableChannels, text: string, options: SendChunksOptions): Promise<Message[]> {
  return sendParts(channel, splitMessage(text, DISCORD_MESSAGE_LIMIT), options);
}

/**
 * Sends parts already split, in order, as `sendChunks` does. `firstIndex`
 * numbers them when earlier parts went out another way (a streamed draft
 * that became the first part): only part 0 replies to the user's message,
 * and each part's nonce stays its own.
 */
export async function sendParts(
  channel: SendableChannels,
  parts: string[],
  options: SendChunksOptions,
  firstIndex = 0,
): Promise<Message[]> {
  const nonce = options.nonce ?? randomBytes(9).toString("base64url");
  const sent: Message[] = [];
  for (const [offset, content] of parts.entries()) {
    const index = firstIndex + offset;
    const reply =
      index === 0 && options.replyTo ? { messageReference: options.replyTo, failIfNotExists: false } : undefined;
    const message = await retrySend<Message>(
      () =>
        channel.send({
          content,
          reply,
          allowedMentions: ALLOWED_MENTIONS,
          nonce: `${nonce}.${index}`,
          enforceNonce: true,
        }),
      (error, attempt) =>
        options.logger.warn(
          { channel: channel.id, attempt, err: error },
          "Discord did not take a message; trying again",
        ),
    );
    sent.push(message);
  }
  return sent;
}
