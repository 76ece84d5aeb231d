import { describe, expect, it } from "vitest";
import { type PromptSection, parsePrompt, renderPrompt, renderSections, SECTION } from "../../src/model/index.js";

const sections: PromptSection[] = [
  { title: SECTION.character, lines: ["A calm herbalist.", "  Walks a lot.  "] },
  { title: SECTION.style, lines: [] },
  { title: SECTION.memories, lines: ["## Setup\nRun it", "one\n  line   \n after another", "# Title: done."] },
];

describe("the system prompt's sections", () => {
  it("writes one bullet per line, folding line breaks and ending a Markdown heading's sentence", () => {
    expect(renderPrompt("Sage", "Be kind.", sections)).toBe(
      [
        "You are Sage. Be kind.",
        "## Who you are\n- A calm herbalist.\n- Walks a lot.",
        "## Things you remember\n- ## Setup. Run it\n- one line after another\n- # Title: done.",
      ].join("\n\n"),
    );
    expect(renderPrompt("Sage", undefined, [])).toBe("You are Sage.");
  });

  it("writes the same prompt in two parts as in one, so a part no message changes can be kept", () => {
    const [first, second, third] = sections as [PromptSection, PromptSection, PromptSection];
    const whole = renderPrompt("Sage", "Be kind.", sections);
    expect(`${renderPrompt("Sage", "Be kind.", [first, second])}\n\n${renderSections([third])}`).toBe(whole);
    expect(renderSections([second])).toBe("");
    expect(parsePrompt(whole).get(SECTION.memories)).toEqual([
      "## Setup. Run it",
      "one line after another",
      "# Title: done.",
    ]);
  });
});
