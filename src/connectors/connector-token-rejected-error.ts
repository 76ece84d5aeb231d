import { TroupeError } from "../errors/index.js";

/**
 * A platform refused a bot's token (Telegram 401, Discord 4004). The message
 * names the character and the variable the token came from, never the token;
 * only that bot stops.
 */
export class ConnectorTokenRejectedError extends TroupeError {
  readonly platform: string;
  readonly agent: string;
  /** Where the token came from, e.g. `TELEGRAM_BOT_TOKEN (environment)`. */
  readonly tokenSource: string;
  /** What to do about it, e.g. "get a new token from @BotFather". */
  readonly hint: string;

  constructor(options: { platform: string; agent: string; tokenSource: string; hint: string; cause?: unknown }) {
    super({
      code: "CONNECTOR_TOKEN_REJECTED",
      category: "USER",
      message: `${options.platform} rejected the bot token of ${options.agent}, from ${options.tokenSource}: ${options.hint}.`,
      cause: options.cause,
    });
    this.platform = options.platform;
    this.agent = options.agent;
    this.tokenSource = options.tokenSource;
    this.hint = options.hint;
  }
}
