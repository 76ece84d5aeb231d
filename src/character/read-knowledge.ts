import { dirname, resolve } from "node:path";
import type { KnowledgeItem } from "./character.js";
import { type FileReport, isObject, type JsonPath } from "./file-report.js";
import { isInsideAny } from "./is-inside.js";

/**
 * Reads `knowledge`: strings become text items; `{ path, shared? }` and
 * `{ directory, shared? }` stay paths as written (relative to the character
 * file). A path must lead inside the character file's folder or one of
 * `allowedDirs` (the operator's `TROUPE_KNOWLEDGE_DIRS`), symbolic links
 * followed: a character file from a stranger must not read `/etc/passwd`.
 */
export function readKnowledge(
  report: FileReport,
  value: unknown,
  path: JsonPath,
  allowedDirs: readonly string[] = [],
): KnowledgeItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.problem(path, "expected array", value);
    return [];
  }
  const folder = resolve(dirname(report.file));
  const roots = [folder, ...allowedDirs];
  const items: KnowledgeItem[] = [];
  value.forEach((item, index) => {
    const itemPath = [...path, index];
    if (typeof item === "string") {
      items.push({ kind: "text", text: item });
      return;
    }
    const kind = isObject(item)
      ? item.path !== undefined
        ? "path"
        : item.directory !== undefined
          ? "directory"
          : ""
      : "";
    if (!isObject(item) || kind === "") {
      report.problem(itemPath, 'expected string or object with "path" or "directory"', item);
      return;
    }
    const location = item[kind];
    const shared = item.shared;
    let valid = true;
    if (typeof location !== "string" || location === "") {
      report.problem([...itemPath, kind], "expected a non-empty string", location);
      valid = false;
    }
    if (shared !== undefined && typeof shared !== "boolean") {
      report.problem([...itemPath, "shared"], "expected boolean", shared);
      valid = false;
    }
    if (valid && !isInsideAny(resolve(folder, location as string), roots)) {
      report.problemText(
        [...itemPath, kind],
        `expected a path inside the character's folder ${folder}${allowedDirs.length > 0 ? " or TROUPE_KNOWLEDGE_DIRS" : " (allow other folders with TROUPE_KNOWLEDGE_DIRS)"}`,
        `${JSON.stringify(location)} (outside)`,
      );
      valid = false;
    }
    if (!valid) return;
    const sharedPart = shared === undefined ? {} : { shared: shared as boolean };
    items.push(
      kind === "path"
        ? { kind: "path", path: location as string, ...sharedPart }
        : { kind: "directory", directory: location as string, ...sharedPart },
    );
  });
  return items;
}
