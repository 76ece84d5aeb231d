/** English number words that people type instead of digits, as far as a chat needs them. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  fifty: 50,
  hundred: 100,
};

/** The number words as a regex alternation, longest first, for building patterns such as "in <count> days". */
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/**
 * The number a numeral or a number word stands for, or undefined: "7" → 7,
 * "Twenty" → 20, and "a"/"an" → 1 with `articles` (as in "in an hour").
 *
 * @example numberFromWord("an", { articles: true }) // 1
 */
export function numberFromWord(word: string, options: { articles?: boolean } = {}): number | undefined {
  const lower = word.toLowerCase();
  if (/^-?\d+(?:\.\d+)?$/.test(lower)) return Number(lower);
  if (options.articles && (lower === "a" || lower === "an")) return 1;
  return NUMBER_WORDS[lower];
}
