import { TroupeError } from "../../errors/index.js";

/** A Discord variable (`DISCORD_API_URL`, `DISCORD_SHARDS`, …) holds something unusable; the message names it and says what fits. */
export class DiscordSettingError extends TroupeError {
  readonly variable: string;

  constructor(options: { variable: string; expected: string }) {
    super({
      code: "DISCORD_SETTING_INVALID",
      category: "USER",
      message: `${options.variable} is not usable: expected ${options.expected}.`,
    });
    this.variable = options.variable;
  }
}
