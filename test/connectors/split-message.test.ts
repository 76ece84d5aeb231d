import { describe, expect, it } from "vitest";
import { findCodeFences } from "../../src/connectors/find-code-fences.js";
import { splitMessage } from "../../src/connectors/split-message.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Walks `text` chunk by chunk: each chunk, less the fence lines a cut code
 * block adds, must be the next slice of `text`, with only whitespace between
 * slices. Returns the slices.
 */
function expectRejoins(text: string, chunks: string[]): string[] {
  const slices: string[] = [];
  let cursor = 0;
  for (const chunk of chunks) {
    const withoutHead = chunk.replace(/^(`{3,}|~{3,})[^\n]*\n/, "");
    const candidates = [
      chunk,
      chunk.replace(/\n(`{3,}|~{3,})$/, ""),
      withoutHead,
      withoutHead.replace(/\n(`{3,}|~{3,})$/, ""),
    ];
    const slice = candidates.find((candidate) => {
      const at = text.indexOf(candidate, cursor);
      return at !== -1 && /^\s*$/.test(text.slice(cursor, at));
    });
    if (slice === undefined) throw new Error(`chunk is not the next slice of the text:\n${chunk}`);
    cursor = text.indexOf(slice, cursor) + slice.length;
    slices.push(slice);
  }
  expect(text.slice(cursor)).toMatch(/^\s*$/);
  return slices;
}

function paragraph(words: number, seed: number): string {
  const vocabulary = [
    "the",
    "troupe",
    "answers",
    "politely",
    "whenever",
    "someone",
    "asks",
    "about",
    "weather",
    "today",
  ];
  return Array.from({ length: words }, (_, index) => vocabulary[(index * 7 + seed) % vocabulary.length]).join(" ");
}

describe("splitMessage", () => {
  it("returns a text that fits unchanged, as the only chunk", () => {
    expect(splitMessage("  short reply\n\n", 4096)).toEqual(["  short reply\n\n"]);
  });

  it("cuts a 5,000-character reply between paragraphs, as late as fits, and re-joins to the original", () => {
    const paragraphs = Array.from({ length: 12 }, (_, index) => `${index + 1}. ${paragraph(70, index)}.`);
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(5000);

    const chunks = splitMessage(text, 2000);
    expect(chunks.length).toBe(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      // Every chunk starts at a paragraph's number and ends at its full stop: no paragraph is cut.
      expect(chunk).toMatch(/^\d+\. /);
      expect(chunk).toMatch(/\.$/);
    }
    // As late as fits: adding the next paragraph would have overflowed the chunk.
    const firstCount = chunks[0]?.split("\n\n").length as number;
    expect(paragraphs.slice(0, firstCount + 1).join("\n\n").length).toBeGreaterThan(2000);
    expect(expectRejoins(text, chunks).join("\n\n")).toBe(text);
  });

  it("cuts between lines when there is no paragraph break, and between words when there is no line break", () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index}: ${paragraph(8, index)}`).join("\n");
    const byLine = splitMessage(lines, 500);
    for (const chunk of byLine) expect(chunk).toMatch(/^line \d+: .*[a-z]$/s);
    expect(expectRejoins(lines, byLine).join("\n")).toBe(lines);

    const words = paragraph(400, 3);
    const byWord = splitMessage(words, 300);
    expect(byWord.length).toBeGreaterThan(1);
    const vocabulary = new Set(words.split(" "));
    for (const chunk of byWord) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      for (const word of chunk.split(" ")) expect(vocabulary.has(word)).toBe(true);
    }
    expect(expectRejoins(words, byWord).join(" ")).toBe(words);
  });

  it("keeps a code block that fits in one chunk whole, cutting before it instead", () => {
    const code = ["```ts", ...Array.from({ length: 8 }, (_, index) => `const value${index} = ${index};`), "```"].join(
      "\n",
    );
    const intro = paragraph(30, 1);
    const text = `${intro}\n\n${code}\n\nThat is all.`;
    // The first chunk could hold the introduction and all but the last 10 characters of the code.
    const chunks = splitMessage(text, intro.length + 2 + code.length - 10);
    expect(chunks).toEqual([intro, `${code}\n\nThat is all.`]);
  });

  it("cuts a code block longer than a chunk between its lines, closing and reopening the fence", () => {
    const codeLines = Array.from({ length: 60 }, (_, index) => `    print("line ${index}")`);
    const text = `Here it is:\n\n\`\`\`python\n${codeLines.join("\n")}\n\`\`\`\nDone.`;
    const chunks = splitMessage(text, 400);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(400);
      // Every chunk renders on its own: its fences are balanced.
      const fences = findCodeFences(chunk);
      expect(fences.every((fence) => fence.closeStart < chunk.length)).toBe(true);
    }
    for (const chunk of chunks.slice(1, -1))
      expect(chunk).toMatch(/^```python\n {4}print\("line \d+"\)\n[\s\S]*\n```$/);
    // The code survives whole, indentation included, line for line.
    const code = chunks
      .flatMap((chunk) => findCodeFences(chunk).map((fence) => chunk.slice(fence.codeStart, fence.closeStart - 1)))
      .join("\n");
    expect(code).toBe(codeLines.join("\n"));
    expectRejoins(text, chunks);
  });

  it("never cuts inside a URL, moving a cut in a run without spaces back to where the URL starts", () => {
    const url = "https://example.com/a/very/long/path/to/a/page?query=1";
    const text = `${"x".repeat(40)}${url}`;
    const chunks = splitMessage(text, 60);
    expect(chunks).toEqual(["x".repeat(40), url]);

    const prose = Array.from({ length: 40 }, (_, index) => (index % 5 === 0 ? url : paragraph(6, index))).join(" ");
    const urlChunks = splitMessage(prose, 120);
    const occurrences = urlChunks.join("\n").split(url).length - 1;
    expect(occurrences).toBe(8);
    expectRejoins(prose, urlChunks);
  });

  it("never splits a surrogate pair, even in a run of emoji with no spaces", () => {
    const text = "😀🎉".repeat(50);
    const chunks = splitMessage(text, 17);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(17);
      expect(chunk).not.toMatch(LONE_SURROGATE);
    }
    expect(chunks.join("")).toBe(text);
  });

  it("holds its promises over many generated texts: size, surrogates, balanced fences, re-joining", () => {
    const pieces = [
      () => paragraph(25, 2),
      () => "\n\n",
      () => "\n",
      () => "```js\nlet a = 1;\n  let b = 2;\n```",
      () => "https://example.org/path?x=1",
      () => "🙂👍🏽",
      () => "x".repeat(70),
      () => "~~~\nplain fence\n~~~",
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 150; round++) {
      const count = 5 + (next() % 40);
      const parts = Array.from({ length: count }, () => (pieces[next() % pieces.length] as () => string)());
      const text = parts.join(next() % 2 === 0 ? " " : "\n");
      const limit = 40 + (next() % 300);
      const chunks = splitMessage(text, limit);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit);
        expect(chunk).not.toMatch(LONE_SURROGATE);
        expect(chunk.trim()).not.toBe("");
        const fences = findCodeFences(chunk);
        expect(fences.every((fence) => fence.closeStart < chunk.length)).toBe(true);
      }
      expectRejoins(text, chunks);
    }
  });

  it("refuses a limit too small to hold a reopened code block", () => {
    expect(() => splitMessage("some text", 4)).toThrow(/at least 16/);
  });
});
