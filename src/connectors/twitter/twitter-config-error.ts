import { TroupeError } from "../../errors/index.js";

/**
 * A Twitter setting of a character is missing, malformed or was refused by
 * X. The message names the character and the variable, never its value.
 */
export class TwitterConfigError extends TroupeError {
  readonly character: string;
  readonly variable: string;

  constructor(options: { character: string; variable: string; problem: string; cause?: unknown }) {
    super({
      code: "TWITTER_CONFIG_INVALID",
      category: "USER",
      message: `${options.variable} ${options.problem} (X account of ${options.character}).`,
      cause: options.cause,
    });
    this.character = options.character;
    this.variable = options.variable;
  }
}
