import { splitSentences } from "../text/index.js";

/**
 * Splits a document into chunks of at most `maxChars`, on paragraph and then
 * sentence boundaries, keeping each Markdown heading with the text under it.
 */
export function chunkText(text: string, maxChars = 600): string[] {
  const chunks: string[] = [];
  let current = "";
  const push = () => {
    const trimmed = current.trim();
    if (trimmed) chunks.push(trimmed);
    current = "";
  };
  for (const paragraph of text.split(/\n\s*\n/)) {
    const pieces = paragraph.length > maxChars ? packSentences(paragraph, maxChars) : [paragraph];
    for (const piece of pieces) {
      const startsSection = /^#{1,6}\s/.test(piece.trim());
      if (current && (startsSection || current.length + piece.length + 2 > maxChars)) push();
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  push();
  return chunks;
}

/** A paragraph's sentences, packed into pieces of at most `maxChars`. */
function packSentences(paragraph: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const sentence of splitSentences(paragraph)) {
    if (current && current.length + sentence.length + 1 > maxChars) {
      pieces.push(current);
      current = "";
    }
    // A single sentence longer than the limit is cut hard.
    for (let start = 0; start < sentence.length; start += maxChars) {
      const part = sentence.slice(start, start + maxChars);
      current = current ? `${current} ${part}` : part;
      if (current.length >= maxChars) {
        pieces.push(current);
        current = "";
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
