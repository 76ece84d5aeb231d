import { describe, expect, it } from "vitest";
import { shortTermWindow } from "../../src/memory/index.js";

const turns = Array.from({ length: 10 }, (_, index) => ({ id: index + 1, text: "x".repeat(40) }));

describe("shortTermWindow", () => {
  it("keeps the newest turns up to the character's turn count", () => {
    const { window, fallen } = shortTermWindow(turns, { shortTermTurns: 4, tokenBudget: 4000 });
    expect(window.map((turn) => turn.id)).toEqual([7, 8, 9, 10]);
    expect(fallen.map((turn) => turn.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("lets history use at most half the token budget", () => {
    // 40 characters are 10 tokens; half of a 60-token budget holds three turns.
    const { window } = shortTermWindow(turns, { shortTermTurns: 20, tokenBudget: 60 });
    expect(window.map((turn) => turn.id)).toEqual([8, 9, 10]);
  });
});
