/**
 * Finds where strict JSON `text` first goes wrong: the offset and what was
 * found there (`"}"`, `end of file`). Used only after `JSON.parse` failed,
 * because Node 20's messages often lack a position.
 */
export function findJsonError(text: string): { offset: number; found: string } | undefined {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const expectWord = (word: string) => {
    for (const letter of word) {
      if (text[i] !== letter) fail();
      i++;
    }
  };
  const readString = () => {
    i++;
    for (;;) {
      const char = text[i];
      if (char === undefined || char < " ") fail();
      i++;
      if (char === '"') return;
      if (char === "\\") {
        if (text[i] === "u") {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? "")) fail();
        } else if ('"\\/bfnrt'.includes(text[i] ?? "x")) i++;
        else fail();
      }
    }
  };
  const readDigits = () => {
    const start = i;
    while (/[0-9]/.test(text[i] ?? "")) i++;
    if (i === start) fail();
  };
  const readNumber = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else readDigits();
    if (text[i] === ".") {
      i++;
      readDigits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      readDigits();
    }
  };
  const readSequence = (close: string, readItem: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      readItem();
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ",") fail();
      i++;
      skipSpace();
    }
  };
  const readMember = () => {
    if (text[i] !== '"') fail();
    readString();
    skipSpace();
    if (text[i] !== ":") fail();
    i++;
    readValue();
  };
  const readValue = (): void => {
    skipSpace();
    const char = text[i];
    if (char === "{") readSequence("}", readMember);
    else if (char === "[") readSequence("]", readValue);
    else if (char === '"') readString();
    else if (char === "-" || /[0-9]/.test(char ?? "")) readNumber();
    else if (char === "t") expectWord("true");
    else if (char === "f") expectWord("false");
    else if (char === "n") expectWord("null");
    else fail();
  };
  try {
    readValue();
    skipSpace();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    const found = error.offset >= text.length ? "end of file" : JSON.stringify(text[error.offset]);
    return { offset: error.offset, found };
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
