import { describe, expect, it } from "vitest";
import { entersTop, insertTop, type Scored } from "../../src/memory/best-first.js";

/** Offers every item in turn, as a search does with its candidates. */
function best<T extends Scored>(items: T[], limit: number): T[] {
  const top: T[] = [];
  for (const item of items) if (entersTop(top, item.score, limit)) insertTop(top, item, limit);
  return top;
}

describe("best-first lists", () => {
  it("keep the best items, best first, whatever order they come in", () => {
    const items = [3, 9, 1, 7, 5, 8, 2].map((score) => ({ score }));
    expect(best(items, 3).map((item) => item.score)).toEqual([9, 8, 7]);
    expect(best(items, 10).map((item) => item.score)).toEqual([9, 8, 7, 5, 3, 2, 1]);
  });

  it("keep equal scores in the order they came, as a stable sort would", () => {
    const items = ["a", "b", "c", "d"].map((name, i) => ({ name, score: i === 0 ? 1 : 2 }));
    expect(best(items, 2).map((item) => item.name)).toEqual(["b", "c"]);
  });

  it("take nothing when there is no room", () => {
    expect(best([{ score: 1 }], 0)).toEqual([]);
  });
});
