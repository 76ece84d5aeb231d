import { describe, expect, it } from "vitest";
import { createProgressBar } from "../../src/memory/index.js";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (chunk: string) => chunks.push(chunk) > 0 };
}

describe("createProgressBar", () => {
  it("redraws one line in place on a terminal and ends it with a newline", () => {
    const tty = stream(true);
    const bar = createProgressBar("Re-embedding", 200, { stream: tty as never });
    bar?.update(100);
    bar?.finish();
    expect(tty.chunks.every((chunk) => chunk.startsWith("\r") || chunk === "\n")).toBe(true);
    expect(tty.chunks).toContain("\rRe-embedding [############------------] 50% 100/200");
    expect(tty.chunks.at(-2)).toContain("100% 200/200");
    expect(tty.chunks.at(-1)).toBe("\n");
  });

  it("writes a plain line per tenth without a terminal when asked, and nothing otherwise", () => {
    const plain = stream(false);
    const bar = createProgressBar("Adding", 1000, { stream: plain as never, plain: true });
    for (let done = 1; done <= 1000; done++) bar?.update(done);
    bar?.finish();
    expect(plain.chunks).toHaveLength(11);
    expect(plain.chunks.at(-1)).toBe("Adding: 1000/1000\n");
    expect(createProgressBar("Indexing", 10, { stream: stream(false) as never })).toBeUndefined();
  });
});
