import { CandidateRelevance } from "./candidate-relevance.js";
import { hybridRelevance, NEIGHBOUR_SHARE } from "./hybrid-relevance.js";
import type { KeywordHit } from "./keyword-search.js";
import type { MemoryCatalogue } from "./memory-catalogue.js";
import type { MemoryEntry } from "./memory-record.js";
import type { RoomTimeline } from "./room-timeline.js";
import { memoryScore, recencyScore } from "./scoring.js";
import { ScratchArray } from "./scratch-array.js";
import { TopScores } from "./top-scores.js";
import type { Neighbour } from "./vector-index.js";

/**
 * The candidates of the recall being ranked, their relevance before neighbours join, and the best of them:
 * shared by every recall (each runs to completion).
 */
const candidates = new CandidateRelevance();
const ownRelevance = new ScratchArray(Float64Array);
const ranked = new TopScores();

/** What fusion ranking reads besides the two candidate lists. */
export interface FusionContext {
  /**
   * What is kept of each stored memory; a memory forgotten since the index
   * was saved is not in it. Candidates are weighed from its columns, and
   * only the k ranked become entries.
   */
  catalogue: Pick<MemoryCatalogue, "entry" | "roomOf" | "slotOf" | "accessedAtSlot" | "importanceAtSlot">;
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
  const relevance = hybridRelevance(byVector, byKeyword, candidates);
  addNeighbours(relevance, context);
  const { catalogue, k, now } = context;
  ranked.reset(k);
  for (let i = 0; i < relevance.size; i++) {
    const id = relevance.idAt(i);
    const slot = catalogue.slotOf(id);
    if (slot === undefined) continue; // forgotten since the index was saved
    const recency = recencyScore(catalogue.accessedAtSlot(slot), now);
    const score = memoryScore(relevance.relevanceAt(i), recency, catalogue.importanceAtSlot(slot));
    if (ranked.enters(score)) ranked.insert(id, score);
  }
  return Array.from({ length: ranked.length }, (_, i) => {
    const id = ranked.idAt(i);
    return {
      entry: catalogue.entry(id) as MemoryEntry,
      relevance: byVector.find((neighbour) => neighbour.label === id)?.similarity ?? (relevance.get(id) as number),
      score: ranked.scoreAt(i),
    };
  });
}

/** Turns next to a relevant turn of the same room join the candidates with a share of its relevance. */
function addNeighbours(relevance: CandidateRelevance, context: FusionContext): void {
  // Read before any neighbour joins: a neighbour's share comes from the relevance its turn had, never from another neighbour.
  const found = relevance.size;
  const own = ownRelevance.take(found);
  for (let i = 0; i < found; i++) own[i] = relevance.relevanceAt(i);
  let share = 0;
  const join = (neighbour: number) => {
    if (context.inScope(neighbour)) relevance.raise(neighbour, share);
  };
  for (let i = 0; i < found; i++) {
    const id = relevance.idAt(i);
    const room = context.catalogue.roomOf(id);
    if (room === null || room === undefined) continue;
    share = NEIGHBOUR_SHARE * (own[i] as number);
    context.timeline.forEachNeighbour(room, id, join);
  }
}
