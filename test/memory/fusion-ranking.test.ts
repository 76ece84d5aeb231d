import { describe, expect, it } from "vitest";
import { type FusionContext, rankByFusion } from "../../src/memory/fusion-ranking.js";
import type { MemoryRecord } from "../../src/memory/index.js";
import { MemoryCatalogue } from "../../src/memory/memory-catalogue.js";
import { RoomTimeline } from "../../src/memory/room-timeline.js";

const NOW = Date.UTC(2026, 11, 6);

function turn(id: number, text: string, room = "garden"): MemoryRecord {
  return {
    id,
    kind: "message",
    text,
    room,
    userId: "u1",
    importance: 0.5,
    source: null,
    sourceMessageId: null,
    metadata: null,
    createdAt: NOW,
    accessedAt: NOW,
  };
}

/** A conversation in one room, catalogued, its timeline, and a context that ranks the top `k` of it. */
function conversation(turns: MemoryRecord[], k: number, inScope: (id: number) => boolean = () => true) {
  const catalogue = new MemoryCatalogue();
  for (const entry of turns) catalogue.add(entry);
  const timeline = new RoomTimeline();
  for (const entry of turns) if (entry.room) timeline.add(entry.room, entry.id);
  const context: FusionContext = { catalogue, timeline, inScope, k, now: NOW };
  return { catalogue, context };
}

describe("rankByFusion", () => {
  const turns = [
    turn(1, "Maya: what did your grandmother grow?"),
    turn(2, "Juno: tomatoes, mostly, and a row of sunflowers"),
    turn(3, "Maya: the weather is nice today"),
    turn(4, "Maya: did you see the match?"),
  ];

  it("brings the reply next to a matching question, though neither search found the reply", () => {
    const { context } = conversation(turns, 2);
    const ranked = rankByFusion(
      [
        { label: 1, similarity: 0.9 },
        { label: 4, similarity: 0.2 },
      ],
      [{ id: 1, score: 5 }],
      context,
    );
    expect(ranked.map((memory) => memory.entry.id)).toEqual([1, 2]);
  });

  it("leaves out a neighbour the recall may not see", () => {
    const { context } = conversation(turns, 3, (id) => id !== 2);
    const ranked = rankByFusion([{ label: 1, similarity: 0.9 }], [{ id: 1, score: 5 }], context);
    expect(ranked.map((memory) => memory.entry.id)).not.toContain(2);
  });

  it("never returns a memory forgotten since the index was saved", () => {
    const { catalogue, context } = conversation(turns, 4);
    catalogue.remove(4);
    const ranked = rankByFusion(
      [
        { label: 4, similarity: 0.95 },
        { label: 3, similarity: 0.5 },
      ],
      [],
      context,
    );
    const ids = ranked.map((memory) => memory.entry.id);
    expect(ids).toContain(3);
    expect(ids).not.toContain(4);
  });

  it("reports a vector hit's similarity as its relevance, and a keyword-only hit's fused relevance", () => {
    const { context } = conversation([turns[0] as MemoryRecord, turns[2] as MemoryRecord], 2);
    const ranked = rankByFusion([{ label: 1, similarity: 0.42 }], [{ id: 3, score: 2 }], context);
    const relevance = new Map(ranked.map((memory) => [memory.entry.id, memory.relevance]));
    expect(relevance.get(1)).toBe(0.42);
    // The only keyword hit is the best one: it gets the keyword share of relevance in full.
    expect(relevance.get(3)).toBeCloseTo(0.9);
  });
});
