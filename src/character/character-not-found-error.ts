import { TroupeError } from "../errors/index.js";

/**
 * Thrown when a character name or path leads nowhere. With `dir`, the message
 * lists the characters that are there, so the user can pick one.
 */
export class CharacterNotFoundError extends TroupeError {
  readonly nameOrFile: string;
  readonly available: string[];

  constructor(options: { nameOrFile: string; dir?: string; available?: string[] }) {
    const available = options.available ?? [];
    super({
      code: "CHARACTER_NOT_FOUND",
      category: "USER",
      message: describe(options.nameOrFile, options.dir, available),
    });
    this.nameOrFile = options.nameOrFile;
    this.available = available;
  }
}

function describe(nameOrFile: string, dir: string | undefined, available: string[]): string {
  if (dir === undefined) return `No such file or folder: ${nameOrFile}`;
  const there =
    available.length === 0 ? `There are no character files in ${dir}.` : `Characters there: ${available.join(", ")}.`;
  return `No character '${nameOrFile}' in ${dir}. ${there}`;
}
