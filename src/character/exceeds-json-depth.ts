import { afterString } from "./after-string.js";

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

const QUOTE = 0x22;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
