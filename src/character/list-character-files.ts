import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { CharacterNotFoundError } from "./character-not-found-error.js";

/**
 * Expands folders to the `*.json` and `*.png` files directly inside them
 * (sorted, not recursive) and keeps files as given. A path that does not
 * exist throws `CharacterNotFoundError` naming it.
 */
export async function listCharacterFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new CharacterNotFoundError({ nameOrFile: path });
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .filter((entry) => entry.isFile() && /\.(json|png)$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}
