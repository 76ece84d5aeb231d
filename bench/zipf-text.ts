/** Deterministic pseudo-random numbers (mulberry32), so every run stores the same texts. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A vocabulary of 8,000 made-up words used with Zipf's law, as words are in real conversation:
// a few are everywhere, most are rare.
const SYLLABLES = "ka lo mi ra se tu vo ne pa di ro ga le mu si ta be no fi zu".split(" ");
const VOCABULARY = Array.from({ length: 8000 }, (_, i) => {
  let word = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});
const CUMULATIVE: number[] = [];
let harmonic = 0;
for (let rank = 1; rank <= VOCABULARY.length; rank++) {
  harmonic += 1 / rank;
  CUMULATIVE.push(harmonic);
}

/** Sentences of 6–15 Zipf-distributed words from a seeded generator: the same texts on every run. */
export function zipfSentences(seed: number): () => string {
  const next = random(seed);
  const word = () => {
    const target = next() * harmonic;
    let low = 0;
    let high = CUMULATIVE.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((CUMULATIVE[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return VOCABULARY[low] as string;
  };
  return () => Array.from({ length: 6 + Math.floor(next() * 10) }, word).join(" ");
}
