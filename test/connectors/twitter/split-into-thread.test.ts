import { describe, expect, it } from "vitest";
import { splitIntoThread, weightedLength } from "../../../src/connectors/twitter/index.js";

const URL = "https://example.com/a/very/long/path/that/x/shortens/to/twenty/three/characters/anyway";

describe("splitIntoThread", () => {
  it("keeps a text that fits as it is, measuring a URL as 23 and CJK and emoji as 2", () => {
    const text = `${"a".repeat(200)} ${URL} ${"日本".repeat(12)} 😀`;
    expect(text.length).toBeGreaterThan(280);
    expect(weightedLength(text)).toBe(200 + 1 + 23 + 1 + 48 + 1 + 2);
    expect(splitIntoThread(text)).toEqual([text]);
  });

  it("numbers the parts of a long text, each within 280 weighted characters, words kept whole", () => {
    const words = Array.from({ length: 150 }, (_, index) => `word${index}`);
    const parts = splitIntoThread(words.join(" "));
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((part, index) => {
      expect(part.endsWith(` (${index + 1}/${parts.length})`)).toBe(true);
      expect(weightedLength(part)).toBeLessThanOrEqual(280);
    });
    const rejoined = parts.map((part) => part.replace(/ \(\d+\/\d+\)$/, "")).join(" ");
    expect(rejoined).toBe(words.join(" "));
  });

  it("counts CJK text at double weight, so it splits at about half the characters", () => {
    const text = "漢".repeat(300);
    const parts = splitIntoThread(text);
    for (const part of parts) expect(weightedLength(part)).toBeLessThanOrEqual(280);
    expect(parts.map((part) => part.replace(/ \(\d+\/\d+\)$/, "")).join("")).toBe(text);
    expect(parts).toHaveLength(3);
  });

  it("cuts a word longer than a whole post, never inside an emoji", () => {
    const text = "😀".repeat(200);
    const parts = splitIntoThread(text);
    for (const part of parts) {
      expect(weightedLength(part)).toBeLessThanOrEqual(280);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(parts.map((part) => part.replace(/ \(\d+\/\d+\)$/, "")).join("")).toBe(text);
  });
});
