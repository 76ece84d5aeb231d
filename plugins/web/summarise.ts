import { isStopword } from "troupe/text";

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !isStopword(word));
}

/**
 * An extractive summary: the `count` sentences that carry the text's most
 * frequent content words (and the title's), earlier sentences slightly
 * preferred, returned in their original order.
 */
export function summarise(text: string, title = "", count = 3): string {
  const sentences = text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9“"(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => words(sentence).length >= 4);
  if (sentences.length <= count) return sentences.join(" ");
  const frequency = new Map<string, number>();
  for (const word of words(text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  for (const word of words(title)) frequency.set(word, (frequency.get(word) ?? 0) + 3);
  const scored = sentences.map((sentence, index) => {
    const content = words(sentence);
    const weight = content.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.sqrt(content.length);
    return { index, sentence, score: weight * (1 + 0.5 / (1 + index)) };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.sentence)
    .join(" ");
}
