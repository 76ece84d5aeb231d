/**
 * The Telegram connector: each character with a `TELEGRAM_BOT_TOKEN` runs its
 * own bot through telegraf's Bot API client, by long polling or a webhook on
 * Troupe's HTTP server. `telegramConnectorFactory` is what `troupe start`
 * uses; `TelegramConnector` can be connected to a troupe by hand.
 */
export { formatTelegramHtml } from "./format-telegram-html.js";
export { readTelegramUpdate } from "./read-telegram-update.js";
export { TelegramConflictError } from "./telegram-conflict-error.js";
export { TELEGRAM_API_ROOT, TelegramConnector, type TelegramConnectorOptions } from "./telegram-connector.js";
export { telegramConnectorFactory } from "./telegram-connector-factory.js";
export { TELEGRAM_TEXT_LIMIT } from "./telegram-sender.js";
