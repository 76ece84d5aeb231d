import { ChannelType, cleanContent, type Message } from "discord.js";
import type { InboundMessage } from "../../messages/index.js";

/** How a Discord user is known to the runtime: one identity per platform (`discord:456`), so profiles never mix. */
export function discordUserId(id: string): string {
  return `discord:${id}`;
}

/**
 * A Discord message as the runtime sees it. The room is the channel (a thread
 * is a room of its own, a DM is `direct`); the bot's own mention is taken out
 * of the text and other mentions read as names (`@alice`, `#general`);
 * `mentionsAgent` and `repliesToAgent` come from what Discord reports, which
 * works without the MessageContent intent too.
 */
export function toInboundMessage(message: Message, botId: string): InboundMessage {
  const withoutOwnMention = message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").trim();
  return {
    platform: "discord",
    id: message.id,
    room: { id: message.channelId, kind: message.channel.type === ChannelType.DM ? "direct" : "group" },
    user: {
      id: discordUserId(message.author.id),
      name: message.member?.displayName ?? message.author.displayName,
      // Webhook posts come from no person either; treat them as bots.
      isBot: message.author.bot || message.webhookId !== null,
    },
    text: cleanContent(withoutOwnMention, message.channel).replace(/\s+/g, " ").trim(),
    mentionsAgent: message.mentions.users.has(botId),
    repliesToAgent: message.mentions.repliedUser?.id === botId,
    receivedAt: message.createdTimestamp,
  };
}
