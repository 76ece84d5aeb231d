import { isStopword } from "../text/index.js";

/**
 * The meaningful words of free text, lower-cased, without stopwords or
 * repeats (at most 32). Only letters and digits survive, so user text can
 * never be read as FTS syntax.
 *
 * @example keywordWords("When did Melanie paint a sunrise?") // ["melanie", "paint", "sunrise"]
 */
export function keywordWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of keywordTokens(text)) {
    words.add(word);
    if (words.size >= 32) break;
  }
  return [...words];
}

/**
 * Every meaningful word of free text in order, repeats kept (for term
 * frequencies): lower-cased letters and digits, without stopwords.
 *
 * @example keywordTokens("Paint, paint the sunrise") // ["paint", "paint", "sunrise"]
 */
export function keywordTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !isStopword(word));
}
