import type { Character } from "./character.js";
import { CharacterFileError } from "./character-file-error.js";
import { checkCharacterFile, type LoadCharacterOptions } from "./check-character-file.js";

/** A loaded character and the warnings its file produced (unknown keys, skipped plugins, unset variables). */
export interface LoadedCharacter {
  character: Character;
  warnings: string[];
}

/**
 * Loads a character file in any supported dialect into Troupe's `Character`.
 * Throws `CharacterFileError` listing every problem of the file.
 *
 * @example
 * const { character, warnings } = await loadCharacter("characters/sage.json");
 */
export async function loadCharacter(file: string, options: LoadCharacterOptions = {}): Promise<LoadedCharacter> {
  const check = await checkCharacterFile(file, options);
  if (check.character === undefined) throw new CharacterFileError({ file, problems: check.problems });
  return { character: check.character, warnings: check.warnings };
}
