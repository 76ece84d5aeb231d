import { type FileReport, isObject, type JsonPath } from "./file-report.js";

/** An optional string: undefined when absent; a problem (and undefined) when of another type. */
export function readString(report: FileReport, value: unknown, path: JsonPath): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  report.problem(path, "expected string", value);
  return undefined;
}

/**
 * A list of strings written as an array or, as elizaOS allows for `bio`, a
 * single string. Absent → `[]`. Each wrong item is its own problem.
 */
export function readStringList(report: FileReport, value: unknown, path: JsonPath): string[] {
  return readStringEntries(report, value, path).map(([, item]) => item);
}

/** Like `readStringList`, keeping each string's index in the file for later messages. */
export function readStringEntries(report: FileReport, value: unknown, path: JsonPath): [number, string][] {
  if (value === undefined) return [];
  if (typeof value === "string") return [[0, value]];
  if (!Array.isArray(value)) {
    report.problem(path, "expected string or array of strings", value);
    return [];
  }
  const entries: [number, string][] = [];
  value.forEach((item, index) => {
    if (typeof item === "string") entries.push([index, item]);
    else report.problem([...path, index], "expected string", item);
  });
  return entries;
}

/**
 * An object of strings (`templates`, `secrets`). Numbers and booleans are
 * turned into strings, since elizaOS 1.x allows them as secret values.
 */
export function readStringRecord(report: FileReport, value: unknown, path: JsonPath): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    report.problem(path, "expected object", value);
    return {};
  }
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string") record[key] = item;
    else if (typeof item === "number" || typeof item === "boolean") record[key] = String(item);
    else report.problem([...path, key], "expected string", item);
  }
  return record;
}

/** An optional object: undefined when absent; a problem (and undefined) when of another type. */
export function readObject(report: FileReport, value: unknown, path: JsonPath): Record<string, unknown> | undefined {
  if (value === undefined || isObject(value)) return value;
  report.problem(path, "expected object", value);
  return undefined;
}
