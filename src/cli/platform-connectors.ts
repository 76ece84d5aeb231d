// The factory's own file, not the folder's index: the index exports DiscordConnector, which loads discord.js.
import { discordConnectorFactory } from "../connectors/discord/discord-connector-factory.js";
import type { PlatformConnectorFactory } from "../connectors/index.js";
import { telegramConnectorFactory } from "../connectors/telegram/index.js";
import { createTwitterConnectorFactory } from "../connectors/twitter/index.js";

/**
 * The platform bots `troupe start` runs, one factory per platform, each from
 * its folder under `src/connectors/`. A platform not listed here is reported
 * off by `describeConnectors`.
 */
export const PLATFORM_CONNECTORS: readonly PlatformConnectorFactory[] = [
  discordConnectorFactory,
  telegramConnectorFactory,
  createTwitterConnectorFactory(),
];
