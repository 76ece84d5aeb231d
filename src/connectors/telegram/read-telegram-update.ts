import { z } from "zod";
import { cleanIdentity, cleanMessageText, type InboundMessage, MAX_NAME_LENGTH } from "../index.js";

const userSchema = z.object({
  id: z.number(),
  is_bot: z.boolean().default(false),
  first_name: z.string().default(""),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const entitySchema = z.object({
  type: z.string(),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  user: z.object({ id: z.number() }).optional(),
});

const messageSchema = z.object({
  message_id: z.number(),
  from: userSchema.optional(),
  chat: z.object({ id: z.number(), type: z.enum(["private", "group", "supergroup", "channel"]) }),
  date: z.number(),
  message_thread_id: z.number().optional(),
  is_topic_message: z.boolean().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  caption_entities: z.array(entitySchema).optional(),
  photo: z.array(z.unknown()).optional(),
  document: z.object({ file_name: z.string().optional() }).optional(),
  reply_to_message: z.object({ message_id: z.number(), from: userSchema.optional() }).optional(),
});

const updateSchema = z.object({ update_id: z.number(), message: messageSchema.optional() });

/** The bot reading the update: who counts as "me" for mentions, replies and its own messages. */
export interface TelegramBotIdentity {
  id: number;
  username: string;
}

/** Where an answer to an update goes: the chat, its forum topic, and the message to reply to. */
export interface TelegramTarget {
  chatId: number;
  threadId?: number;
  messageId: number;
  direct: boolean;
}

/** What an update asks of the connector: a message for the agent, a command, or nothing (and why). */
export type TelegramUpdateReading =
  | { kind: "message"; message: InboundMessage; target: TelegramTarget }
  | { kind: "command"; command: "start" | "help"; target: TelegramTarget; userName: string }
  | { kind: "ignore"; reason: string };

/**
 * Reads one Bot API update into Troupe's shapes. A private chat is a direct
 * room, a group or supergroup a group room, and each forum topic a room of
 * its own (`<chat id>:<topic id>`). Users are `telegram:<id>`, so a profile
 * belongs to one platform identity. A photo or document is read with its
 * caption as the text. `/start` and `/help` (bare, or `@` this bot) are
 * commands; anything unreadable is ignored with the reason.
 */
export function readTelegramUpdate(update: unknown, bot: TelegramBotIdentity): TelegramUpdateReading {
  const parsed = updateSchema.safeParse(update);
  if (!parsed.success) return { kind: "ignore", reason: "an update the connector cannot read" };
  const message = parsed.data.message;
  if (!message) return { kind: "ignore", reason: "not a new message (an edit, a callback or a channel post)" };
  const from = message.from;
  if (!from) return { kind: "ignore", reason: "no sender (a channel or an anonymous admin)" };
  if (from.id === bot.id) return { kind: "ignore", reason: "its own message" };
  if (message.chat.type === "channel") return { kind: "ignore", reason: "a channel post" };

  // Names and text come from strangers: no terminal escapes, invisible overrides or lone surrogates get in.
  const fullName = [from.first_name, from.last_name].filter(Boolean).join(" ");
  const name =
    cleanIdentity(fullName, MAX_NAME_LENGTH) || cleanIdentity(from.username ?? "", MAX_NAME_LENGTH) || String(from.id);
  const direct = message.chat.type === "private";
  const threadId = message.is_topic_message ? message.message_thread_id : undefined;
  const target = { chatId: message.chat.id, threadId, messageId: message.message_id, direct };
  const raw = cleanMessageText(message.text ?? message.caption ?? "");
  const entities = message.text !== undefined ? (message.entities ?? []) : (message.caption_entities ?? []);

  const command = /^\/(start|help)(?:@(\w+))?(?:\s|$)/i.exec(raw);
  if (command) {
    const addressee = command[2];
    if (addressee && addressee.toLowerCase() !== bot.username.toLowerCase()) {
      return { kind: "ignore", reason: `a command for @${addressee}` };
    }
    return {
      kind: "command",
      command: (command[1] as string).toLowerCase() as "start" | "help",
      target,
      userName: name,
    };
  }

  const mine = `@${bot.username}`.toLowerCase();
  const mentions = entities.filter((entity) => {
    const text = raw.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    return (
      (entity.type === "mention" && text === mine) || (entity.type === "text_mention" && entity.user?.id === bot.id)
    );
  });
  const media = message.photo
    ? "a photo"
    : message.document
      ? `a document (${message.document.file_name ?? "file"})`
      : undefined;
  const text = withoutMentions(raw, mentions, mine);
  if (!text && !media) return { kind: "ignore", reason: "no text, caption, photo or document" };

  return {
    kind: "message",
    target,
    message: {
      platform: "telegram",
      // Message ids count per chat, so the chat is part of the id the log dedupes on.
      id: `${message.chat.id}:${message.message_id}`,
      room: {
        id: threadId ? `${message.chat.id}:${threadId}` : String(message.chat.id),
        kind: direct ? "direct" : "group",
      },
      user: { id: `telegram:${from.id}`, name, isBot: from.is_bot },
      text: media ? `[sent ${media}]${text ? ` ${text}` : ""}` : text,
      mentionsAgent: mentions.length > 0,
      repliesToAgent: message.reply_to_message?.from?.id === bot.id,
      receivedAt: message.date * 1000,
    },
  };
}

/** The text with the bot's own @mentions taken out ("@juno_bot what's up?" → "what's up?"). */
function withoutMentions(text: string, mentions: { type: string; offset: number; length: number }[], mine: string) {
  let result = text;
  for (const entity of [...mentions].reverse()) {
    if (entity.type !== "mention" || result.slice(entity.offset, entity.offset + entity.length).toLowerCase() !== mine)
      continue;
    // The space before the mention goes with it: "hey @juno_bot, hi" reads "hey, hi".
    result = result.slice(0, entity.offset).replace(/[ \t]+$/, "") + result.slice(entity.offset + entity.length);
  }
  return result.replace(/^[\s,:]+/, "").trim();
}
