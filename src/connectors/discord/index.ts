/**
 * The Discord connector: one character's bot on discord.js (gateway v10 and
 * REST v10), answering in guild channels, threads and DMs, with `/ask` and
 * `/forget-me`. `discordConnectorFactory` is how `troupe start` builds it
 * from a character and the environment; `DiscordConnector` can be connected
 * by hand with `Troupe.connect`.
 */
export { DiscordConnector, type DiscordConnectorOptions } from "./discord-connector.js";
export { discordConnectorFactory } from "./discord-connector-factory.js";
export { DiscordSettingError } from "./discord-setting-error.js";
export { type DiscordSettings, readDiscordSettings } from "./read-discord-settings.js";
export { ALLOWED_MENTIONS, DISCORD_MESSAGE_LIMIT } from "./send-chunks.js";
export { discordUserId } from "./to-inbound-message.js";
