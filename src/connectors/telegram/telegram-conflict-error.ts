import { TroupeError } from "../../errors/index.js";

/**
 * Telegram answered 409 Conflict: another process is receiving this bot's
 * updates (polling the same token, or a webhook is set). The connector stops
 * polling with this one line instead of fighting the other process.
 */
export class TelegramConflictError extends TroupeError {
  readonly agent: string;
  readonly bot: string;
  /** Telegram's own words, e.g. "Conflict: terminated by other getUpdates request; …". */
  readonly description: string;

  constructor(options: { agent: string; bot: string; description: string; cause?: unknown }) {
    super({
      code: "TELEGRAM_CONFLICT",
      category: "USER",
      message: `another process is receiving the updates of ${options.bot} (409 ${options.description}); ${options.agent}'s bot stops polling here. Run one Troupe per bot token.`,
      cause: options.cause,
    });
    this.agent = options.agent;
    this.bot = options.bot;
    this.description = options.description;
  }
}
