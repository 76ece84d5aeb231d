import type { KnowledgeItem } from "./character.js";
import { type FileReport, isObject, type JsonPath } from "./file-report.js";

/**
 * Reads `knowledge`: strings become text items; `{ path, shared? }` and
 * `{ directory, shared? }` stay paths as written (relative to the character file).
 */
export function readKnowledge(report: FileReport, value: unknown, path: JsonPath): KnowledgeItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.problem(path, "expected array", value);
    return [];
  }
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
