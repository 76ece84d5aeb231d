/** A rough token count (about four characters a token for English), cheap enough for every message. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
