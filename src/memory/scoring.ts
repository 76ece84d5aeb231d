/** How much each signal counts when ranking recalled memories (Generative Agents: relevance, recency, importance). */
export interface ScoreWeights {
  relevance: number;
  recency: number;
  importance: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { relevance: 1, recency: 0.1, importance: 0.1 };

/** Recency decays by this factor per hour since the memory was last used. */
const HOURLY_DECAY = 0.995;

/** Recency in [0, 1]: 1 for a memory used just now, halving about every six days. */
export function recencyScore(lastAccessedMs: number, nowMs: number): number {
  const hours = Math.max(0, nowMs - lastAccessedMs) / 3_600_000;
  return HOURLY_DECAY ** hours;
}

/**
 * The weighted sum that orders recalled memories; every input is in [0, 1].
 * Plain numbers, not an object of them: recall weighs hundreds of candidates.
 */
export function memoryScore(
  relevance: number,
  recency: number,
  importance: number,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): number {
  return weights.relevance * relevance + weights.recency * recency + weights.importance * importance;
}
