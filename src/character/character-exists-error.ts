import { TroupeError } from "../errors/index.js";

/** Thrown when a new character would overwrite a file that is already there. */
export class CharacterExistsError extends TroupeError {
  readonly file: string;

  constructor(options: { file: string }) {
    super({
      code: "CHARACTER_EXISTS",
      category: "USER",
      message: `${options.file} already exists; choose another name or remove the file first.`,
    });
    this.file = options.file;
  }
}
