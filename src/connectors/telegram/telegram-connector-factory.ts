import type { PlatformConnectorFactory } from "../platform-connector-factory.js";
import { readTelegramSettings } from "./read-telegram-settings.js";

/** How `troupe start` runs Telegram bots: the token in `TELEGRAM_BOT_TOKEN`, the rest from `readTelegramSettings`. */
export const telegramConnectorFactory: PlatformConnectorFactory = {
  platform: "telegram",
  tokenVariables: ["TELEGRAM_BOT_TOKEN"],
  create({ character, token, env, logger }) {
    const settings = readTelegramSettings(character, env);
    // telegraf and its fetch only when a character has a Telegram token.
    return import("./telegram-connector.js").then(
      ({ TelegramConnector }) => new TelegramConnector({ character, token, logger, ...settings }),
    );
  },
};
