/** A run of `@handle`s at the start of a text, with the spaces after them. */
const LEADING_MENTIONS = /^(?:\s*@\w{1,15}\b[,:]?)+\s*/;

/**
 * Drops the run of `@handle`s a text starts with. On X such a run is
 * reply-chain metadata, not something the author said; a reply that starts
 * with one reads as a stray mention list (and pings people for nothing).
 *
 * @example stripLeadingMentions("@troupe_bot @alice what's new?") // "what's new?"
 */
export function stripLeadingMentions(text: string): string {
  return text.replace(LEADING_MENTIONS, "");
}

/** The `@handle`s a text starts with, lower-cased and without `@`. */
export function leadingMentions(text: string): string[] {
  const run = LEADING_MENTIONS.exec(text)?.[0] ?? "";
  return [...run.matchAll(/@(\w{1,15})/g)].map((match) => (match[1] as string).toLowerCase());
}
