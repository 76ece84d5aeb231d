import { CandidateRelevance } from "./candidate-relevance.js";

/** How much keyword (BM25) evidence counts against vector similarity; measured on long conversations. */
const KEYWORD_WEIGHT = 0.9;
/** A turn next to a relevant turn inherits this share of its relevance (answers often sit in the reply). */
export const NEIGHBOUR_SHARE = 0.5;

/**
 * Fuses vector and keyword results into one relevance per memory, 0–1: each
 * list's scores are scaled to its best candidate (min–max for similarities),
 * then weighed, keyword first: the offline embeddings add tolerance for
 * paraphrase and typos, BM25 carries the precision. Fills `into` (cleared
 * first; a new table when not given) and returns it.
 */
export function hybridRelevance(
  byVector: { label: number; similarity: number }[],
  byKeyword: { id: number; score: number }[],
  into: CandidateRelevance = new CandidateRelevance(),
): CandidateRelevance {
  into.clear();
  let best = Number.EPSILON;
  for (const hit of byKeyword) best = Math.max(best, hit.score);
  for (const hit of byKeyword) into.raise(hit.id, KEYWORD_WEIGHT * (hit.score / best));
  let top = Number.NEGATIVE_INFINITY;
  let bottom = Number.POSITIVE_INFINITY;
  for (const hit of byVector) {
    top = Math.max(top, hit.similarity);
    bottom = Math.min(bottom, hit.similarity);
  }
  for (const hit of byVector) {
    const scaled = top > bottom ? (hit.similarity - bottom) / (top - bottom) : 1;
    into.add(hit.label, (1 - KEYWORD_WEIGHT) * scaled);
  }
  return into;
}
