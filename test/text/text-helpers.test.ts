import { describe, expect, it } from "vitest";
import { cleanText, escapeRegExp, isStopword, splitSentences } from "../../src/text/index.js";

describe("cleanText", () => {
  it("strips control characters and keeps line breaks, emoji and right-to-left text", () => {
    expect(cleanText("  hi\u0000 there\n👋 שלום \u0007")).toBe("hi there\n👋 שלום");
  });

  it("strips the C1 control characters too, in both modes", () => {
    expect(cleanText("a\u0080b\u009fc")).toBe("abc");
    expect(cleanText("a\u0085b", { oneLine: true })).toBe("ab");
  });

  it("replaces a lone surrogate rather than passing broken text on", () => {
    expect(cleanText("a\uD800b")).toBe("a\uFFFDb");
  });

  it("with oneLine, folds line breaks and drops invisible characters, so words can be matched", () => {
    expect(cleanText("my name\n\tis\u200b Ana\u2066", { oneLine: true })).toBe("my name is Ana");
  });
});

describe("escapeRegExp", () => {
  it("matches a name full of pattern characters literally", () => {
    const name = "C3.PO (v2)*";
    const pattern = new RegExp(`^${escapeRegExp(name)}$`);
    expect(pattern.test(name)).toBe(true);
    expect(pattern.test("C3xPO (v2)")).toBe(false);
  });
});

describe("isStopword", () => {
  it("counts chat filler and contractions as noise, and content words not", () => {
    for (const word of ["the", "hi", "yes", "dont", "don", "please"]) expect(isStopword(word)).toBe(true);
    for (const word of ["sunrise", "melanie", "paint"]) expect(isStopword(word)).toBe(false);
  });
});

describe("splitSentences", () => {
  it("splits at sentence ends and line breaks but keeps a parenthesis whole", () => {
    expect(splitSentences("Hi. (Yes. Really.) Bye\nNext")).toEqual(["Hi.", "(Yes. Really.)", "Bye", "Next"]);
  });
});
