/**
 * True when JSON text nests arrays and objects deeper than `limit`, counting
 * no bracket inside a string. One pass, no recursion: a file 100,000 levels
 * deep is measured, not parsed, so nothing downstream overflows the stack.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  // A regular expression finds the brackets and quotes in native code; the loop runs once per one of them,
  // not once per character.
  const structure = /["[\]{}]/g;
  let depth = 0;
  for (let match = structure.exec(text); match !== null; match = structure.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (code === QUOTE) {
      structure.lastIndex = afterString(text, match.index + 1);
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth++;
      if (depth > limit) return true;
    } else {
      depth--;
    }
  }
  return false;
}

/** Past the closing quote of the string whose text starts at `from` (or the end of the text). */
function afterString(text: string, from: number): number {
  const end = /["\\]/g;
  end.lastIndex = from;
  for (let match = end.exec(text); match !== null; match = end.exec(text)) {
    if (text.charCodeAt(match.index) === BACKSLASH) end.lastIndex = match.index + 2;
    else return match.index + 1;
  }
  return text.length;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
