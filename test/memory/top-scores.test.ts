import { describe, expect, it } from "vitest";
import { TopScores } from "../../src/memory/top-scores.js";

const listed = (top: TopScores) => Array.from({ length: top.length }, (_, i) => [top.idAt(i), top.scoreAt(i)]);

describe("TopScores", () => {
  it("keeps the best ids by score, best first, ties in the order they came", () => {
    const top = new TopScores();
    top.reset(3);
    for (const [id, score] of [
      [1, 0.2],
      [2, 0.9],
      [3, 0.5],
      [4, 0.5],
      [5, 0.1],
      [6, 0.95],
    ] as const)
      if (top.enters(score)) top.insert(id, score);
    expect(listed(top)).toEqual([
      [6, 0.95],
      [2, 0.9],
      [3, 0.5],
    ]);
    expect(top.enters(0.5)).toBe(false);
    expect(top.enters(0.6)).toBe(true);
  });

  it("starts empty at each reset, with the new limit", () => {
    const top = new TopScores();
    top.reset(2);
    top.insert(1, 1);
    top.insert(2, 2);
    top.reset(4);
    expect(top.length).toBe(0);
    for (const id of [1, 2, 3, 4, 5]) if (top.enters(id)) top.insert(id, id);
    expect(listed(top).map(([id]) => id)).toEqual([5, 4, 3, 2]);
  });

  it("takes nothing with a limit of 0", () => {
    const top = new TopScores();
    top.reset(0);
    expect(top.enters(1)).toBe(false);
  });
});
