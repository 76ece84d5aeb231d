import { type CodeFence, findCodeFences } from "./find-code-fences.js";

/** The smallest limit `splitMessage` accepts: room for a reopened and a closed fence around some code. */
export const MIN_SPLIT_LIMIT = 16;

const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;
/** Cut points, best first: between paragraphs, between lines, between words. */
const BOUNDARIES = [/\n[ \t]*\n/g, /\n/g, /\s/g];

/**
 * Splits a reply into chunks of at most `limit` UTF-16 code units (the
 * `length` of a string, which is what Telegram and Discord count; the limit
 * includes any fence lines added), for platforms with a message size cap.
 *
 * Cuts go, by preference, between paragraphs, then between lines, then between
 * words, as late in each chunk as they fit. A cut never falls inside a fenced
 * code block that fits in a chunk, inside a URL, or between the two halves of
 * a surrogate pair. A code block longer than one chunk is cut between its
 * lines: the chunk ends with a closing fence line and the next starts with the
 * block's opening line again (```ts), so every chunk renders on its own. Only
 * a single word, URL or code line longer than a chunk is cut inside (a URL
 * only when it alone is longer than a chunk).
 *
 * Joined back: every chunk is a slice of `text`, apart from the fence lines a
 * cut code block adds (a `\n` plus the closing fence at the end of a chunk, the
 * opening fence line plus `\n` at the start of the next). Between two slices
 * `text` holds only whitespace, which is dropped: the whole run of whitespace
 * at a cut between paragraphs, lines or words; inside a code block only the
 * line break, so the next line keeps its indentation. A text that fits comes
 * back unchanged, as the only chunk.
 *
 * @example
 * splitMessage(reply, 4096).forEach((chunk) => send(chunk));
 */
export function splitMessage(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < MIN_SPLIT_LIMIT) {
    throw new RangeError(`splitMessage needs a whole limit of at least ${MIN_SPLIT_LIMIT} characters, not ${limit}.`);
  }
  if (text.length <= limit) return [text];
  const fences = findCodeFences(text);
  const urls = [...text.matchAll(URL_PATTERN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const chunks: string[] = [];
  let position = 0;
  // The fence line that opens the next chunk when a code block was cut.
  let reopen = "";
  while (position < text.length) {
    const end = position + limit - reopen.length;
    if (text.length <= end) {
      chunks.push(reopen + text.slice(position));
      break;
    }
    const cut = boundaryCut(text, position, end, fences);
    if (cut !== undefined) {
      chunks.push(reopen + text.slice(position, cut).trimEnd());
      reopen = "";
      position = skipWhitespace(text, cut);
      continue;
    }
    // No boundary outside a code block: this chunk starts in a block too long for it.
    const fence = fences.find((candidate) => candidate.start <= position && position < candidate.end);
    const inside = fence && cutInsideFence(text, position, end, fence);
    if (fence && inside !== undefined) {
      chunks.push(`${reopen}${text.slice(position, inside)}\n${fence.close}`);
      reopen = reopenLine(fence, limit);
      position = text[inside] === "\n" ? inside + 1 : inside;
      continue;
    }
    const hard = hardCut(text, position, end, urls);
    chunks.push(reopen + text.slice(position, hard));
    reopen = "";
    position = hard;
  }
  return chunks;
}

/** The latest cut in (position, end] at the best kind of boundary, outside code blocks, leaving a non-blank chunk. */
function boundaryCut(text: string, position: number, end: number, fences: CodeFence[]): number | undefined {
  for (const boundary of BOUNDARIES) {
    let best: number | undefined;
    boundary.lastIndex = position;
    for (let match = boundary.exec(text); match && match.index <= end; match = boundary.exec(text)) {
      const cut = match.index;
      if (cut <= position || fences.some((fence) => fence.start < cut && cut < fence.end)) continue;
      if (text.slice(position, cut).trim() !== "") best = cut;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** A cut inside a code block, leaving room for the closing fence: after a code line if one fits, else mid-line. */
function cutInsideFence(text: string, position: number, end: number, fence: CodeFence): number | undefined {
  const lower = Math.max(position, fence.codeStart);
  // The chunk ends with "\n" and the closing fence; cutting right before the block's own closing line gains nothing.
  const upper = Math.min(end - 1 - fence.close.length, fence.closeStart - 2);
  if (upper <= lower + 1) return undefined;
  const lineBreak = text.lastIndexOf("\n", upper);
  if (lineBreak > lower) return lineBreak;
  return avoidSurrogateSplit(text, upper);
}

/** A cut at `end` when there is no boundary: moved back to the start of a URL, never into a surrogate pair. */
function hardCut(text: string, position: number, end: number, urls: { start: number; end: number }[]): number {
  const url = urls.find((span) => span.start > position && span.start < end && end < span.end);
  return avoidSurrogateSplit(text, url ? url.start : end);
}

function avoidSurrogateSplit(text: string, cut: number): number {
  const before = text.charCodeAt(cut - 1);
  const after = text.charCodeAt(cut);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? cut - 1 : cut;
}

function skipWhitespace(text: string, index: number): number {
  let next = index;
  while (next < text.length && /\s/.test(text[next] as string)) next++;
  return next;
}

/** The opening line for the rest of a cut block: its own (```ts) unless that line would crowd the chunk out. */
function reopenLine(fence: CodeFence, limit: number): string {
  if (fence.open.length + fence.close.length + 2 <= limit / 2) return `${fence.open}\n`;
  return fence.close.length * 2 + 2 <= limit / 2 ? `${fence.close}\n` : "";
}
