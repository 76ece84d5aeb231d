import { TroupeError } from "../errors/index.js";

/** Thrown when a model setting of the environment or the character file has a value Troupe cannot use. */
export class ModelConfigError extends TroupeError {
  readonly character: string;
  readonly variable: string;

  constructor(options: { character: string; variable: string; problem: string }) {
    super({
      code: "MODEL_CONFIG_INVALID",
      category: "USER",
      message: `${options.character}: ${options.variable}: ${options.problem}`,
    });
    this.character = options.character;
    this.variable = options.variable;
  }
}
