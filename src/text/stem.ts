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
