import { MAX_POST_WEIGHT, weightedLength } from "./weighted-length.js";

/**
 * Splits a text too long for one post into a numbered thread: each part ends
 * with ` (i/n)` and weighs at most `limit` (X's weighting, see
 * `weightedLength`). Parts break between words; a word longer than a whole
 * part is cut between characters. A text that fits is returned as it is.
 *
 * Not `splitMessage`: that counts UTF-16 units, and X counts URLs as 23 and
 * CJK and emoji as 2, so a part has to be measured as X measures it.
 *
 * @example splitIntoThread(longText) // ["First words … (1/3)", "… (2/3)", "… (3/3)"]
 */
export function splitIntoThread(text: string, limit = MAX_POST_WEIGHT): string[] {
  const trimmed = text.trim();
  if (weightedLength(trimmed) <= limit) return [trimmed];
  // The suffix's width depends on the number of parts: split again until the count is stable.
  let count = 2;
  for (;;) {
    const parts = splitWords(trimmed, limit - weightedLength(` (${count}/${count})`));
    if (parts.length <= count) return parts.map((part, index) => `${part} (${index + 1}/${parts.length})`);
    count = parts.length;
  }
}

function splitWords(text: string, room: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const joined = current ? `${current} ${word}` : word;
    if (weightedLength(joined) <= room) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    current = "";
    for (const piece of cutWord(word, room)) {
      if (current) parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** A word that fits in `room` as it is, or cut into pieces that do (between code points, never inside a pair). */
function cutWord(word: string, room: number): string[] {
  if (weightedLength(word) <= room) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const character of word) {
    if (piece && weightedLength(piece + character) > room) {
      pieces.push(piece);
      piece = "";
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
