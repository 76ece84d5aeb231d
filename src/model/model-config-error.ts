import { TroupeError } from "../errors/index.js";

/** Thrown when a model setting of the environment or the character file has a value Troupe cannot use. */
export class ModelConfigError extends TroupeError {
  readonly character: string;
  readonly variable: string;

  constructor(options: { character: string; variable: string; problem: string }) {
    super({
      code: "MODEL_CONFIG_INVALID",
      category: "USER",
      // Never "Juno: …": that reads as the character speaking.
      message: `Invalid ${options.variable} for ${options.character}: ${options.problem}`,
    });
    this.character = options.character;
    this.variable = options.variable;
  }
}
