// The factories' own files, not the folders' indexes: those export the connectors, which load the platforms' clients.
import { discordConnectorFactory } from "../connectors/discord/discord-connector-factory.js";
import type { PlatformConnectorFactory } from "../connectors/index.js";
import { telegramConnectorFactory } from "../connectors/telegram/telegram-connector-factory.js";
import { createTwitterConnectorFactory } from "../connectors/twitter/twitter-connector-factory.js";

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
