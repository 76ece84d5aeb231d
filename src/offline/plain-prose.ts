/**
 * The prose of a Markdown text, for quoting it in a reply: headings, code
 * blocks and tables go (they do not read aloud), and links, inline code and
 * emphasis become plain words. Works on text whose lines were folded into one,
 * as knowledge arrives in a prompt (where a heading ends with a full stop).
 *
 * @example plainProse("## Setup. Run `npm start`. | a | b | |---|---|") // "Run npm start."
 */
export function plainProse(text: string): string {
  return text
    .replace(/```[\s\S]*?(?:```|$)/g, " ")
    .replace(/(?:\|[^|]*){3,}\|/g, " ")
    .replace(/(^|\s)#{1,6}[ \t][^.!?\n]*[.!?]?/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}
