import { stem } from "./stem.js";
import { isStopword } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

/** Stems of the meaningful (non-stopword) words of `text`. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of tokenize(text)) if (!isStopword(word)) stems.push(stem(word));
  return stems;
}
