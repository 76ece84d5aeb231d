/**
 * Word-level text analysis shared by the offline embeddings and the offline
 * chat model: tokenising, light stemming and stopwords. English-first, but
 * any script's letters and digits count as word characters.
 */

const STOPWORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers " +
    "herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on " +
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs them " +
    "themselves then there these they this those through to too under until up very was we were what when where " +
    "which while who whom why will with would you your yours yourself yourselves im ive id ill youre youve youd " +
    "dont doesnt didnt cant wont isnt arent wasnt werent whats thats theres lets hes shes its also get got please " +
    "tell really much many well oh yeah ok okay"
  ).split(" "),
);

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const APOSTROPHES = /['’]/g;

/** Lower-cased word tokens of `text`, apostrophes dropped (`Don't` → `dont`). */
export function tokenize(text: string): string[] {
  const matches = text.toLowerCase().match(WORD_PATTERN);
  if (!matches) return [];
  return matches.map((word) => (word.includes("'") || word.includes("’") ? word.replace(APOSTROPHES, "") : word));
}

/** True for function words that carry little meaning on their own (`the`, `is`, `my`). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Drops a doubled final consonant left behind by suffix stripping (`runn` → `run`). */
function undouble(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (
    word.length > 2 &&
    last === word.charCodeAt(word.length - 2) &&
    !"aeiouls".includes(word[word.length - 1] ?? "")
  ) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * A light suffix-stripping stemmer, so `cats`/`cat`, `running`/`run` and
 * `moved`/`move` share features. Deliberately conservative: a wrong merge
 * costs more than a missed one.
 */
export function stem(word: string): string {
  const length = word.length;
  if (length <= 3) return word;
  if (length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (length > 5 && word.endsWith("ing")) return undouble(word.slice(0, -3));
  if (length > 4 && word.endsWith("ed") && !word.endsWith("eed")) return undouble(word.slice(0, -2));
  if (length > 4 && word.endsWith("ly")) return word.slice(0, -2);
  if (length > 5 && word.endsWith("er") && !word.endsWith("eer")) return undouble(word.slice(0, -2));
  let base = word;
  if (base.endsWith("s") && !base.endsWith("ss") && !base.endsWith("us") && !base.endsWith("is"))
    base = base.slice(0, -1);
  if (base.length > 3 && base.endsWith("e")) base = base.slice(0, -1);
  return base;
}

/** Stems of the meaningful (non-stopword) words of `text`. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of tokenize(text)) if (!isStopword(word)) stems.push(stem(word));
  return stems;
}
