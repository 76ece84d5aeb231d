/**
 * A line break, or the space after a full stop (also when a closing bracket
 * or quote follows it), but not after a list number ("1. Bake. 2. Cool.").
 */
const SENTENCE_BREAK = /(?<=[.!?…][)"'”’]?)(?<!(?:^|\s)\d{1,2}\.)\s+|\n+/;

/**
 * The sentences of a text, trimmed, without empty ones; a parenthesis stays
 * whole with the sentence it opens in ("(She groans. Everyone does.)").
 *
 * @example splitSentences("Hi. (Yes. Really.) Bye") // ["Hi.", "(Yes. Really.)", "Bye"]
 * @example splitSentences("Steps: 1. Mix. 2. Bake.") // ["Steps: 1. Mix.", "2. Bake."]
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let open = 0;
  for (const part of text.split(SENTENCE_BREAK)) {
    const sentence = part.trim();
    if (!sentence) continue;
    if (open > 0) sentences.push(`${sentences.pop()} ${sentence}`);
    else sentences.push(sentence);
    open = Math.max(0, open + (sentence.match(/\(/g)?.length ?? 0) - (sentence.match(/\)/g)?.length ?? 0));
  }
  return sentences;
}
