import { entersTop, insertTop } from "./best-first.js";
import { hybridRelevance, NEIGHBOUR_SHARE } from "./hybrid-relevance.js";
import type { KeywordHit } from "./keyword-search.js";
import type { MemoryCatalogue } from "./memory-catalogue.js";
import type { MemoryEntry } from "./memory-record.js";
import type { RoomTimeline } from "./room-timeline.js";
import { memoryScore, recencyScore } from "./scoring.js";
import type { Neighbour } from "./vector-index.js";

/** What fusion ranking reads besides the two candidate lists. */
export interface FusionContext {
  /**
   * What is kept of each stored memory; a memory forgotten since the index
   * was saved is not in it. Candidates are weighed from its columns, and
   * only the k ranked become entries.
   */
  catalogue: Pick<MemoryCatalogue, "entry" | "roomOf" | "accessedAt" | "importanceOf">;
  /** The order of turns in each room, for the neighbours of a relevant turn. */
  timeline: RoomTimeline;
  /** Whether a neighbouring turn may join (the recall's scope). */
  inScope(id: number): boolean;
  k: number;
  now: number;
}

/** A memory ranked by fusion: its relevance (the vector similarity when it had one) and its final score. */
export interface RankedMemory {
  entry: MemoryEntry;
  relevance: number;
  score: number;
}

/**
 * The k best memories of a hybrid recall, best first. Vector neighbours and
 * keyword hits are fused into one relevance (`hybridRelevance`), the turns
 * next to each relevant turn of the same room join with a share of it, and
 * each candidate is weighed with recency and importance (Generative Agents).
 */
export function rankByFusion(byVector: Neighbour[], byKeyword: KeywordHit[], context: FusionContext): RankedMemory[] {
  const relevance = hybridRelevance(byVector, byKeyword);
  addNeighbours(relevance, context);
  const { catalogue, k, now } = context;
  const ranked: { id: number; fused: number; score: number }[] = [];
  // forEach, not for…of: a large memory has hundreds of candidates, and each [id, fused] pair would be garbage.
  relevance.forEach((fused, id) => {
    const accessedAt = catalogue.accessedAt(id);
    if (accessedAt === undefined) return; // forgotten since the index was saved
    const importance = catalogue.importanceOf(id) as number;
    const score = memoryScore({ relevance: fused, recency: recencyScore(accessedAt, now), importance });
    if (entersTop(ranked, score, k)) insertTop(ranked, { id, fused, score }, k);
  });
  return ranked.map(({ id, fused, score }) => ({
    entry: catalogue.entry(id) as MemoryEntry,
    relevance: byVector.find((neighbour) => neighbour.label === id)?.similarity ?? fused,
    score,
  }));
}

/** Turns next to a relevant turn of the same room join the candidates with a share of its relevance. */
function addNeighbours(relevance: Map<number, number>, context: FusionContext): void {
  // Read before any neighbour joins: a neighbour's share comes from the relevance its turn had, never from another neighbour.
  const ids = [...relevance.keys()];
  const scores = [...relevance.values()];
  let share = 0;
  const join = (neighbour: number) => {
    if (context.inScope(neighbour)) relevance.set(neighbour, Math.max(relevance.get(neighbour) ?? 0, share));
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const room = context.catalogue.roomOf(id);
    if (room === null || room === undefined) continue;
    share = NEIGHBOUR_SHARE * (scores[i] as number);
    context.timeline.forEachNeighbour(room, id, join);
  }
}
