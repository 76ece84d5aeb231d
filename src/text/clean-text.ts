/** Messages longer than this are declined rather than processed. */
export const MAX_MESSAGE_CHARS = 20_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every remaining control or invisible format character (zero-width space, direction marks). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** Options of `cleanText`. */
export interface CleanTextOptions {
  /**
   * Also drop invisible format characters and fold all whitespace, line
   * breaks included, into single spaces: text to match words in, not to
   * show. Default false.
   */
  oneLine?: boolean;
}

/**
 * Removes control characters, C1 included (keeping newlines and tabs), replaces unpaired
 * surrogates, and trims. Emoji and right-to-left text pass through untouched.
 *
 * @example cleanText("  hi\u0000 there ") // "hi there"
 * @example cleanText("a\n\u200bb", { oneLine: true }) // "a b"
 */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  const clean = text.replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATES, "\uFFFD");
  if (!options.oneLine) return clean.trim();
  return clean
    .replace(INVISIBLE, (character) => (character === "\n" || character === "\t" || character === "\r" ? " " : ""))
    .replace(/\s+/g, " ")
    .trim();
}
