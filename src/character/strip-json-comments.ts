/** The text with `//` and `/* *\/` comments blanked out, or where an unclosed block comment starts. */
export type StripResult =
  | { text: string; unclosedCommentAt?: undefined }
  | { text?: undefined; unclosedCommentAt: number };

/**
 * Blanks out JSONC comments with spaces (keeping line breaks), so that every
 * character keeps its offset and JSON error positions stay right. A string
 * ends at its closing quote or at the end of its line.
 */
export function stripJsonComments(source: string): StripResult {
  // The scan stops only where a string or a comment may start, and inside a string only at what can end it:
  // a regular expression finds those in native code, where a loop over every character ran interpreted
  // (about 10 ms for the three demo characters' 68 KB when `troupe start` reads them).
  const special = /["/]/g;
  const parts: string[] = [];
  let copied = 0;
  for (let match = special.exec(source); match !== null; match = special.exec(source)) {
    const at = match.index;
    if (source.charCodeAt(at) === QUOTE) {
      special.lastIndex = afterString(source, at + 1);
      continue;
    }
    const next = source.charCodeAt(at + 1);
    if (next === SLASH) {
      const end = source.indexOf("\n", at);
      const stop = end === -1 ? source.length : end;
      parts.push(source.slice(copied, at), " ".repeat(stop - at));
      copied = special.lastIndex = stop;
    } else if (next === STAR) {
      const end = source.indexOf("*/", at + 2);
      if (end === -1) return { unclosedCommentAt: at };
      parts.push(source.slice(copied, at), source.slice(at, end + 2).replace(/[^\r\n]/g, " "));
      copied = special.lastIndex = end + 2;
    }
  }
  if (copied === 0) return { text: source };
  parts.push(source.slice(copied));
  return { text: parts.join("") };
}

/** Where the scan goes on after a string whose text starts at `from`: past its closing quote or its line break. */
function afterString(source: string, from: number): number {
  const end = /["\\\n]/g;
  end.lastIndex = from;
  for (let match = end.exec(source); match !== null; match = end.exec(source)) {
    // An escape takes the character after it, whatever it is.
    if (source.charCodeAt(match.index) === BACKSLASH) end.lastIndex = match.index + 2;
    else return match.index + 1;
  }
  return source.length;
}

const QUOTE = 0x22;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
