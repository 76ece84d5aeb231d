import { entersTop, insertTop } from "./best-first.js";
import { hybridRelevance, NEIGHBOUR_SHARE } from "./hybrid-relevance.js";
import type { KeywordHit } from "./keyword-search.js";
import type { MemoryEntry } from "./memory-record.js";
import type { RoomTimeline } from "./room-timeline.js";
import { memoryScore, recencyScore } from "./scoring.js";
import type { Neighbour } from "./vector-index.js";

/** What fusion ranking reads besides the two candidate lists. */
export interface FusionContext {
  /** The stored memory with this id, or undefined once it is forgotten. */
  entryOf(id: number): MemoryEntry | undefined;
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
  const similarity = new Map(byVector.map((neighbour) => [neighbour.label, neighbour.similarity]));
  const { entryOf, k, now } = context;
  const ranked: { entry: MemoryEntry; fused: number; score: number }[] = [];
  // forEach, not for…of: a large memory has hundreds of candidates, and each [id, fused] pair would be garbage.
  relevance.forEach((fused, id) => {
    const entry = entryOf(id);
    if (!entry) return; // deleted since the index was saved
    const signals = { relevance: fused, recency: recencyScore(entry.accessedAt, now), importance: entry.importance };
    const score = memoryScore(signals);
    if (entersTop(ranked, score, k)) insertTop(ranked, { entry, fused, score }, k);
  });
  return ranked.map(({ entry, fused, score }) => ({ entry, relevance: similarity.get(entry.id) ?? fused, score }));
}

/** Turns next to a relevant turn of the same room join the candidates with a share of its relevance. */
function addNeighbours(relevance: Map<number, number>, context: FusionContext): void {
  const ids = [...relevance.keys()];
  const scores = [...relevance.values()];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const score = scores[i] as number;
    const room = context.entryOf(id)?.room;
    if (room === null || room === undefined) continue;
    for (const neighbour of context.timeline.neighbours(room, id)) {
      if (!context.inScope(neighbour)) continue;
      relevance.set(neighbour, Math.max(relevance.get(neighbour) ?? 0, NEIGHBOUR_SHARE * score));
    }
  }
}
