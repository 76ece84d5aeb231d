import type { z } from "zod";
import { describeValue, type FileReport, type JsonPath } from "./file-report.js";

/**
 * Turns zod issues from checking `value` (found at `path` in the file) into
 * problem lines in the file's own words: the JSON path, what was expected, and
 * what the file holds there.
 */
export function reportZodIssues(
  report: FileReport,
  issues: readonly z.core.$ZodIssue[],
  path: JsonPath,
  value: unknown,
) {
  for (const issue of issues) {
    const segments = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    const found = valueAt(value, segments);
    report.problemText([...path, ...segments], expectedOf(issue), gotOf(found));
  }
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "expected a whole number" : `expected ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "expected a non-empty string";
      if (issue.origin === "array") return `expected at least ${issue.minimum} items`;
      return `expected a ${issue.origin} of at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `expected at most ${issue.maximum} items`;
      return `expected a ${issue.origin} of at most ${issue.maximum}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((option) => JSON.stringify(option)).join(", ")}`;
    default:
      return `expected a valid value (${issue.message})`;
  }
}

function gotOf(found: unknown): string {
  if (typeof found === "number" || typeof found === "boolean") return String(found);
  if (typeof found === "string" && found !== "") return JSON.stringify(found);
  return describeValue(found);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
