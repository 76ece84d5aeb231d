import {
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { InboundMessage } from "../../messages/index.js";
import type { ConnectedAgent } from "../connector.js";
import { splitMessage } from "../split-message.js";
import { ALLOWED_MENTIONS, DISCORD_MESSAGE_LIMIT } from "./send-chunks.js";
import { discordUserId } from "./to-inbound-message.js";

/** The commands registered for the bot's application: `/ask` and `/forget-me`. */
export function slashCommands(characterName: string): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    {
      name: "ask",
      description: `Ask ${characterName} something`.slice(0, 100),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "question",
          description: "What you want to ask",
          required: true,
          max_length: DISCORD_MESSAGE_LIMIT,
        },
      ],
    },
    { name: "forget-me", description: `${characterName} forgets what it knows about you`.slice(0, 100) },
  ];
}

/**
 * Answers one of the commands of `slashCommands`. `/ask` goes through the
 * agent like a message that mentions it, in the channel it was asked in; the
 * answer replaces the "thinking…" placeholder, with follow-ups for the rest of
 * a long one. `/forget-me` drops what the agent keeps about the user and says
 * so privately.
 */
export async function answerSlashCommand(
  interaction: ChatInputCommandInteraction,
  agent: ConnectedAgent,
  logger: Logger,
): Promise<void> {
  const userId = discordUserId(interaction.user.id);
  if (interaction.commandName === "forget-me") {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (!agent.forgetUser) {
      await interaction.editReply(`${agent.name} cannot forget users in this version.`);
      return;
    }
    const forgotten = await agent.forgetUser(userId);
    logger.info({ user: userId, ...forgotten }, "forgot a user on their request");
    await interaction.editReply(`Done: ${agent.name} has forgotten what it knew about you.`);
    return;
  }
  if (interaction.commandName !== "ask") return;
  // Deferring first: the model may take longer than the 3 s Discord gives an interaction.
  await interaction.deferReply();
  const message: InboundMessage = {
    platform: "discord",
    id: interaction.id,
    room: { id: interaction.channelId, kind: interaction.channel?.type === ChannelType.DM ? "direct" : "group" },
    user: { id: userId, name: interaction.user.displayName, isBot: interaction.user.bot },
    text: interaction.options.getString("question", true),
    mentionsAgent: true,
    receivedAt: interaction.createdTimestamp,
  };
  const reply = await agent.handle(message);
  const chunks = reply?.text ? splitMessage(reply.text, DISCORD_MESSAGE_LIMIT) : [];
  if (chunks.length === 0) {
    await interaction.editReply(`(${agent.name} is not answering here.)`);
    return;
  }
  await interaction.editReply({ content: chunks[0], allowedMentions: ALLOWED_MENTIONS });
  for (const chunk of chunks.slice(1))
    await interaction.followUp({ content: chunk, allowedMentions: ALLOWED_MENTIONS });
}
