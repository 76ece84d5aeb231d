import { describe, expect, it } from "vitest";
import { foldIntoSummary, type SummaryTurn } from "../../src/memory/index.js";

function turn(id: number, text: string, role: "user" | "agent" = "user"): SummaryTurn {
  return { id, userName: role === "user" ? "Alice" : "Juno", role, text };
}

describe("foldIntoSummary", () => {
  it("keeps what was said and leaves small talk out", () => {
    const summary = foldIntoSummary(undefined, [
      turn(1, "hi!"),
      turn(2, "Hello there, how are you?", "agent"),
      turn(3, "I'm training for the Berlin marathon in September with my sister Maria."),
      turn(4, "thanks, good"),
    ]);
    expect(summary.sentences.map((sentence) => sentence.text)).toEqual([
      "Alice: I'm training for the Berlin marathon in September with my sister Maria.",
    ]);
    expect(summary.through).toBe(4);
  });

  it("stays within its bounds however many turns are folded in, oldest kept sentences first", () => {
    let summary = foldIntoSummary(undefined, []);
    for (let id = 1; id <= 300; id++) {
      summary = foldIntoSummary(summary, [turn(id, `Project ${id} needs budget review before launch number ${id}.`)], {
        sentences: 5,
        chars: 400,
      });
    }
    expect(summary.sentences.length).toBeLessThanOrEqual(5);
    expect(summary.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0)).toBeLessThanOrEqual(400);
    const turns = summary.sentences.map((sentence) => sentence.turn);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
    expect(summary.through).toBe(300);
  });

  it("prefers a new, informative sentence over one that repeats what is already kept", () => {
    const first = foldIntoSummary(undefined, [turn(1, "My sister Maria lives in Porto and paints ceramic tiles.")], {
      sentences: 2,
      chars: 800,
    });
    const next = foldIntoSummary(
      first,
      [
        turn(2, "Maria lives in Porto and paints tiles."),
        turn(3, "Our grandmother Rosa taught us both pottery in Coimbra."),
      ],
      { sentences: 2, chars: 800 },
    );
    expect(next.sentences.map((sentence) => sentence.turn)).toEqual([1, 3]);
  });
});
