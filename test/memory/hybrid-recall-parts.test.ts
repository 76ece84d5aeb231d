import { describe, expect, it } from "vitest";
import { hybridRelevance, keywordWords } from "../../src/memory/index.js";
import { RoomTimeline } from "../../src/memory/room-timeline.js";

describe("keywordWords", () => {
  it("keeps the meaningful words and nothing FTS could read as syntax", () => {
    expect(keywordWords("When did Melanie paint a sunrise?")).toEqual(["melanie", "paint", "sunrise"]);
    expect(keywordWords('drop "table" OR NOT x*')).toEqual(["drop", "table"]);
  });

  it("has nothing to search for in stopwords and punctuation", () => {
    expect(keywordWords("is it?")).toEqual([]);
    expect(keywordWords("")).toEqual([]);
  });
});

describe("hybridRelevance", () => {
  it("ranks a memory found by both searches above one found by either alone", () => {
    const relevance = hybridRelevance(
      [
        { label: 1, similarity: 0.9 },
        { label: 2, similarity: 0.5 },
      ],
      [
        { id: 1, score: 3 },
        { id: 3, score: 3 },
      ],
    );
    expect(relevance.get(1)).toBeGreaterThan(relevance.get(3) as number);
    expect(relevance.get(3)).toBeGreaterThan(relevance.get(2) as number);
    expect(Math.max(...relevance.values())).toBeLessThanOrEqual(1);
  });
});

describe("RoomTimeline", () => {
  it("gives the turns before and after a turn of the same room only", () => {
    const timeline = new RoomTimeline();
    for (const [room, id] of [
      ["a", 1],
      ["b", 2],
      ["a", 3],
      ["a", 5],
      ["b", 4],
    ] as const)
      timeline.add(room, id);
    expect(timeline.neighbours("a", 3)).toEqual([1, 5]);
    expect(timeline.neighbours("b", 2)).toEqual([4]);
    timeline.remove("a", 3);
    expect(timeline.neighbours("a", 1)).toEqual([5]);
    expect(timeline.neighbours("a", 3)).toEqual([]);
  });
});
