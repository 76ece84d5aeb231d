/** The text with `//` and `/* *\/` comments blanked out, or where an unclosed block comment starts. */
export type StripResult =
  | { text: string; unclosedCommentAt?: undefined }
  | { text?: undefined; unclosedCommentAt: number };

/**
 * Blanks out JSONC comments with spaces (keeping line breaks), so that every
 * character keeps its offset and JSON error positions stay right.
 */
export function stripJsonComments(source: string): StripResult {
  let out = "";
  let i = 0;
  let inString = false;
  while (i < source.length) {
    const char = source[i];
    if (inString) {
      if (char === "\\") {
        out += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (char === '"' || char === "\n") inString = false;
      out += char;
      i++;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      i++;
      continue;
    }
    if (char === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      out += " ".repeat(stop - i);
      i = stop;
      continue;
    }
    if (char === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) return { unclosedCommentAt: i };
      out += source.slice(i, end + 2).replace(/[^\r\n]/g, " ");
      i = end + 2;
      continue;
    }
    out += char;
    i++;
  }
  return { text: out };
}
