import type { PlatformConnectorFactory } from "../platform-connector-factory.js";
import { readConnectorToken } from "../read-connector-token.js";
import { DiscordSettingError } from "./discord-setting-error.js";
import { readDiscordSettings } from "./read-discord-settings.js";

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * How `troupe start` runs Discord bots: a token in `DISCORD_BOT_TOKEN` (or
 * elizaOS's `DISCORD_API_TOKEN`) per character or in the environment, plus
 * `DISCORD_APPLICATION_ID` from the same place, and `DISCORD_API_URL`,
 * `DISCORD_SHARDS`, `DISCORD_SHARD_COUNT` from the environment.
 */
export const discordConnectorFactory: PlatformConnectorFactory = {
  platform: "discord",
  tokenVariables: ["DISCORD_BOT_TOKEN", "DISCORD_API_TOKEN"],
  create({ character, token, env, logger }) {
    // The application goes with the token: a character's own token takes the application id of its own file.
    const application = readConnectorToken(
      character,
      ["DISCORD_APPLICATION_ID"],
      token.source === "environment" ? env : {},
    );
    if (application && !SNOWFLAKE.test(application.value)) {
      throw new DiscordSettingError({
        variable: "DISCORD_APPLICATION_ID",
        expected: "the Application ID from the developer portal's General Information page (17 to 20 digits)",
      });
    }
    const settings = readDiscordSettings(env);
    // discord.js (about 140 ms to load) only when a character has a Discord token.
    return import("./discord-connector.js").then(
      ({ DiscordConnector }) =>
        new DiscordConnector({ ...settings, agent: character.name, token, applicationId: application?.value, logger }),
    );
  },
};
