import { type CharacterFileCheck, checkCharacterFile, listCharacterFiles } from "../../character/index.js";

/**
 * `troupe validate <paths...>`: checks character files (folders expand to their
 * `*.json` and `*.png` files) and returns the lines to print — every problem,
 * then every warning prefixed `warning: `, then a summary such as
 * `3 files checked, 1 invalid` — with exit code 1 when any file is invalid.
 */
export async function validateFiles(paths: string[]): Promise<{ lines: string[]; exitCode: 0 | 1 }> {
  const checks: CharacterFileCheck[] = [];
  for (const path of paths) {
    const files = await listCharacterFiles([path]).catch(() => undefined);
    if (files === undefined) {
      checks.push({
        file: path,
        problems: [`${path}: expected a character file or folder, got nothing there`],
        warnings: [],
      });
      continue;
    }
    for (const file of files) checks.push(await checkCharacterFile(file));
  }
  const invalid = checks.filter((check) => check.problems.length > 0).length;
  const lines = [
    ...checks.flatMap((check) => check.problems),
    ...checks.flatMap((check) => check.warnings.map((warning) => `warning: ${warning}`)),
    `${checks.length} ${checks.length === 1 ? "file" : "files"} checked, ${invalid} invalid`,
  ];
  return { lines, exitCode: invalid > 0 ? 1 : 0 };
}
