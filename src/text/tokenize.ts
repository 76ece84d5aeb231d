const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const APOSTROPHES = /['’]/g;

/** Lower-cased word tokens of `text`, apostrophes dropped (`Don't` → `dont`). */
export function tokenize(text: string): string[] {
  const matches = text.toLowerCase().match(WORD_PATTERN);
  if (!matches) return [];
  return matches.map((word) => (word.includes("'") || word.includes("’") ? word.replace(APOSTROPHES, "") : word));
}
