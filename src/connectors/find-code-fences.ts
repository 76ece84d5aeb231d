/** A fenced code block in a text: where it starts and ends, and its fence lines. */
export interface CodeFence {
  /** Index of the first character of the opening fence line. */
  start: number;
  /** Index just after the opening fence line's line break: where the code starts. */
  codeStart: number;
  /** Index of the first character of the closing fence line (the text's length when the block is never closed). */
  closeStart: number;
  /** Index just after the closing fence line (before its line break), or the text's length. */
  end: number;
  /** The opening line without its indentation, e.g. "```ts": written again when a cut block reopens. */
  open: string;
  /** The fence characters that close the block, e.g. "```". */
  close: string;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The fenced code blocks of a Markdown text (``` or ~~~, as CommonMark reads
 * them): a block closes at a line of at least as many of the same fence
 * characters; one never closed runs to the end of the text.
 */
export function findCodeFences(text: string): CodeFence[] {
  const fences: CodeFence[] = [];
  let open: { start: number; codeStart: number; open: string; char: string; count: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const match = OPENING.exec(line);
    if (match) {
      const run = match[1] as string;
      const rest = match[2] as string;
      if (!open) {
        // A backtick fence's info string may not contain a backtick (CommonMark), so "```a```" is inline code.
        if (!(run.startsWith("`") && rest.includes("`"))) {
          open = {
            start: lineStart,
            codeStart: lineEnd + 1,
            open: line.trim(),
            char: run[0] as string,
            count: run.length,
          };
        }
      } else if (run[0] === open.char && run.length >= open.count && rest.trim() === "") {
        fences.push({ ...fenceOf(open), closeStart: lineStart, end: lineEnd });
        open = undefined;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (open) fences.push({ ...fenceOf(open), closeStart: text.length, end: text.length });
  return fences;
}

function fenceOf(open: { start: number; codeStart: number; open: string; char: string; count: number }) {
  return { start: open.start, codeStart: open.codeStart, open: open.open, close: open.char.repeat(open.count) };
}
