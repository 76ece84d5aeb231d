import { describe, expect, it } from "vitest";
import { CandidateRelevance } from "../../src/memory/candidate-relevance.js";

describe("CandidateRelevance", () => {
  it("adds to and raises a candidate's relevance, and lists candidates in the order they were first set", () => {
    const table = new CandidateRelevance();
    table.add(7, 0.25);
    table.raise(3, 0.5);
    table.add(7, 0.5);
    table.raise(3, 0.25);
    table.raise(9, 0);
    expect(table.get(7)).toBe(0.75);
    expect(table.get(3)).toBe(0.5);
    expect(table.get(9)).toBe(0);
    expect(table.get(4)).toBeUndefined();
    expect(Array.from({ length: table.size }, (_, i) => [table.idAt(i), table.relevanceAt(i)])).toEqual([
      [7, 0.75],
      [3, 0.5],
      [9, 0],
    ]);
  });

  it("starts empty after clear, though the last recall's ids are still in its arrays", () => {
    const table = new CandidateRelevance();
    table.add(1, 0.9);
    table.add(2, 0.8);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(1)).toBeUndefined();
    table.add(2, 0.1);
    expect(table.get(2)).toBe(0.1);
    expect(table.size).toBe(1);
  });

  it("keeps every candidate, its relevance and the order when more come than its first table holds", () => {
    const table = new CandidateRelevance();
    // Three thousand: the first table (1,024 slots, at most half full) grows twice.
    const ids = Array.from({ length: 3000 }, (_, i) => i * 1024 + 1);
    for (const [i, id] of ids.entries()) table.add(id, i / 3000);
    expect(table.size).toBe(3000);
    expect(table.idAt(0)).toBe(1);
    expect(table.idAt(2999)).toBe(2999 * 1024 + 1);
    expect(ids.every((id, i) => table.get(id) === i / 3000)).toBe(true);
    expect(table.relevanceAt(1500)).toBe(1500 / 3000);
  });
});
