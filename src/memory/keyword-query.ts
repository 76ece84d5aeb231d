/** Words too common to help find a memory by keyword. */
const STOPWORDS = new Set(
  (
    "a an the and or but if of at by for with about against between into through during before after above below to " +
    "from up down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very can will just don should now i me my " +
    "myself we our ours you your yours he him his she her hers it its they them their what which who whom this that " +
    "these those am is are was were be been being have has had having do does did doing would could ought let lets " +
    "did get got also really yeah yes oh ok okay hey hi"
  ).split(" "),
);

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
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !STOPWORDS.has(word));
}
