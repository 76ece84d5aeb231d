/** Longest user or room id kept, in characters. */
export const MAX_ID_LENGTH = 128;
/** Longest display name kept, in characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * Makes a user id or display name from a platform safe to store, show and
 * print: lone surrogates become U+FFFD (SQLite would store invalid UTF-8),
 * the text is NFC-normalised, control characters (terminal escapes included)
 * and invisible format characters (zero-width spaces, right-to-left
 * overrides) are removed, runs of whitespace become one space, and the result
 * is cut to `maxLength` characters without splitting one.
 *
 * @example cleanIdentity("Ada\u001b[2J\u202e", 64) → "Ada[2J"
 */
export function cleanIdentity(text: string, maxLength: number): string {
  const clean = wellFormed(text)
    .normalize("NFC")
    // Zero-width joiners stay: emoji sequences and several scripts need them.
    .replace(/\p{Cc}|(?![\u200c\u200d])\p{Cf}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return Array.from(clean).slice(0, maxLength).join("").trim();
}

/**
 * Makes message text safe to store: lone surrogates become U+FFFD and control
 * characters other than newline and tab are removed (a terminal escape in a
 * message must not reach the operator's terminal through `troupe memory`).
 */
export function cleanMessageText(text: string): string {
  return wellFormed(text).replace(/(?![\n\t])\p{Cc}/gu, "");
}

/** `String.prototype.toWellFormed`, present from Node 20. */
function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}
