const BACKSLASH = 0x5c;

/**
 * Where a scan of JSON text goes on after a string whose text starts at
 * `from`: past its closing quote, or, with `endsAtLineBreak`, past a line
 * break first (an unterminated string in a file being stripped of comments),
 * or the end of the text. An escape takes the character after it, whatever it is.
 */
export function afterString(text: string, from: number, endsAtLineBreak = false): number {
  const end = endsAtLineBreak ? /["\\\n]/g : /["\\]/g;
  end.lastIndex = from;
  for (let match = end.exec(text); match !== null; match = end.exec(text)) {
    if (text.charCodeAt(match.index) === BACKSLASH) end.lastIndex = match.index + 2;
    else return match.index + 1;
  }
  return text.length;
}
