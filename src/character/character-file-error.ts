import { TroupeError } from "../errors/index.js";

/**
 * Thrown when a character file cannot be used. `problems` holds one line per
 * problem (`<file>: <json path>: <what was expected>, got <what was found>`),
 * and the message is those lines joined by newlines.
 */
export class CharacterFileError extends TroupeError {
  readonly file: string;
  readonly problems: string[];

  constructor(options: { file: string; problems: string[] }) {
    super({ code: "CHARACTER_INVALID", category: "USER", message: options.problems.join("\n") });
    this.file = options.file;
    this.problems = options.problems;
  }
}
