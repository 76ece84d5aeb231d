import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestIndices } from "../../src/memory/best-indices.js";
import { TopScores } from "../../src/memory/top-scores.js";

/** What a search did before: every value offered in turn to a best-first list, NaN skipped. */
function throughBestFirst(values: number[], limit: number): number[] {
  const top = new TopScores();
  top.reset(limit);
  values.forEach((score, at) => {
    if (!Number.isNaN(score) && top.enters(score)) top.insert(at, score);
  });
  return Array.from({ length: top.length }, (_, i) => top.idAt(i));
}

describe("bestIndices", () => {
  it("gives the positions of the highest values, best first", () => {
    const values = Float64Array.from([0.3, 0.9, 0.1, 0.7, 0.5, 0.8, 0.2]);
    expect(bestIndices(values, values.length, 3)).toEqual([1, 5, 3]);
    expect(bestIndices(values, values.length, 10)).toEqual([1, 5, 3, 4, 0, 6, 2]);
  });

  it("gives a tie to the lower position, also at the cut", () => {
    const values = Float64Array.from([0.5, 0.9, 0.5, 0.9, 0.5]);
    expect(bestIndices(values, values.length, 3)).toEqual([1, 3, 0]);
  });

  it("skips NaN and reads only the first `count` values", () => {
    const values = Float64Array.from([Number.NaN, 0.4, Number.NaN, 0.6, 0.99]);
    expect(bestIndices(values, 4, 5)).toEqual([3, 1]);
  });

  it("gives nothing for no room or no values", () => {
    expect(bestIndices(Float64Array.from([1, 2]), 2, 0)).toEqual([]);
    expect(bestIndices(new Float64Array(0), 0, 4)).toEqual([]);
  });

  it("chooses and orders as a best-first list does", () => {
    // Few distinct values, so ties are common; NaN where a memory had no vector.
    const value = fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((n) => n / 6),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.integer({ min: 0, max: 50 }), (values, limit) => {
        const array = Float64Array.from(values);
        expect(bestIndices(array, array.length, limit)).toEqual(throughBestFirst(values, limit));
      }),
    );
  });
});
