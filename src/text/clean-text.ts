/** Messages longer than this are declined rather than processed. */
export const MAX_MESSAGE_CHARS = 20_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control characters (keeping newlines and tabs), replaces unpaired
 * surrogates, and trims. Emoji and right-to-left text pass through untouched.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATES, "\uFFFD").trim();
}
