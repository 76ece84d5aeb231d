/**
 * The Telegram connector: each character with a `TELEGRAM_BOT_TOKEN` runs its
 * own bot through telegraf's Bot API client, by long polling or a webhook on
 * Troupe's HTTP server. `telegramConnectorFactory` is what `troupe start`
 * uses; `TelegramConnector` can be connected to a troupe by hand.
 */
import type { PlatformConnectorFactory } from "../platform-connector-factory.js";
import { readTelegramSettings } from "./read-telegram-settings.js";
import { TelegramConnector } from "./telegram-connector.js";

export { formatTelegramHtml } from "./format-telegram-html.js";
export { readTelegramUpdate } from "./read-telegram-update.js";
export { TelegramConflictError } from "./telegram-conflict-error.js";
export { TELEGRAM_API_ROOT, TelegramConnector, type TelegramConnectorOptions } from "./telegram-connector.js";
export { TELEGRAM_TEXT_LIMIT } from "./telegram-sender.js";

/** How `troupe start` runs Telegram bots: the token in `TELEGRAM_BOT_TOKEN`, the rest from `readTelegramSettings`. */
export const telegramConnectorFactory: PlatformConnectorFactory = {
  platform: "telegram",
  tokenVariables: ["TELEGRAM_BOT_TOKEN"],
  create: ({ character, token, env, logger }) =>
    new TelegramConnector({ character, token, logger, ...readTelegramSettings(character, env) }),
};
