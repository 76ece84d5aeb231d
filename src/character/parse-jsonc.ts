import { exceedsJsonDepth } from "./exceeds-json-depth.js";
import { findJsonError, lineAndColumn } from "./find-json-error.js";
import { stripJsonComments } from "./strip-json-comments.js";

/** Deepest nesting a character file may have: real ones stay under ten levels. */
export const MAX_JSON_DEPTH = 64;

/** A parsed value, or one problem text such as `line 3, column 7: expected valid JSON, got unexpected "}"`. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Parses JSON that may carry `//` and `/* *\/` comments (JSONC, as `troupe new`
 * writes it). Errors name the line and column in the original text. Text
 * nested deeper than `MAX_JSON_DEPTH` is refused before it is parsed.
 */
export function parseJsonc(source: string): ParseResult {
  const stripped = stripJsonComments(source);
  if (stripped.text === undefined) {
    const { line, column } = lineAndColumn(source, stripped.unclosedCommentAt);
    return { ok: false, problem: `line ${line}, column ${column}: expected a comment closed by "*/", got end of file` };
  }
  if (exceedsJsonDepth(stripped.text, MAX_JSON_DEPTH)) {
    return { ok: false, problem: `expected JSON nested at most ${MAX_JSON_DEPTH} levels deep, got deeper` };
  }
  try {
    return { ok: true, value: JSON.parse(stripped.text) };
  } catch (error) {
    const located = findJsonError(stripped.text);
    if (located === undefined) return { ok: false, problem: `expected valid JSON, got ${String(error)}` };
    const { line, column } = lineAndColumn(source, located.offset);
    return {
      ok: false,
      problem: `line ${line}, column ${column}: expected valid JSON, got unexpected ${located.found}`,
    };
  }
}
