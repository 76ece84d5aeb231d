import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { CharacterNotFoundError } from "./character-not-found-error.js";
import { createFileReport, isObject } from "./file-report.js";
import { listCharacterFiles } from "./list-character-files.js";
import { readRawCharacter } from "./read-raw-character.js";

/**
 * Finds a character file from what a user typed: a path to a file, or the name
 * of a character in `dir` (case-insensitive), or its file name without
 * extension (`sbf` for `sbf.character.json`). Throws `CharacterNotFoundError`
 * listing the characters in `dir` otherwise.
 *
 * @example
 * await findCharacter("ilse morrow", "characters"); // "characters/ilse-morrow.card.json"
 */
export async function findCharacter(nameOrFile: string, dir: string): Promise<string> {
  if (await isFile(nameOrFile)) return nameOrFile;
  const files = await listCharacterFiles([dir]).catch(() => []);
  const wanted = nameOrFile.trim().toLowerCase();
  const named = await Promise.all(files.map(async (file) => ({ file, name: await readName(file) })));
  const byName = named.find((entry) => entry.name?.toLowerCase() === wanted);
  if (byName) return byName.file;
  const byFileName = files.find((file) => stems(basename(file)).includes(wanted));
  if (byFileName) return byFileName;
  const available = named.map((entry) => entry.name ?? basename(entry.file));
  throw new CharacterNotFoundError({ nameOrFile, dir, available });
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** `sbf.character.json` → `["sbf.character", "sbf"]`. */
function stems(fileName: string): string[] {
  const withoutExtension = fileName.toLowerCase().replace(/\.(json|png)$/, "");
  return [withoutExtension, withoutExtension.replace(/\.(character|card)$/, "")];
}

async function readName(file: string): Promise<string | undefined> {
  const raw = await readRawCharacter(file, createFileReport(file));
  const name = raw?.name ?? (isObject(raw?.data) ? raw.data.name : undefined);
  return typeof name === "string" && name.trim() !== "" ? name : undefined;
}
