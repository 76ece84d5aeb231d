/**
 * Cosine similarity of two L2-normalised vectors, which is their dot product
 * (1 = same direction, 0 = unrelated). Vectors of different lengths are
 * compared over the shorter one.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const length = Math.min(a.length, b.length);
  let dot = 0;
  for (let index = 0; index < length; index++) dot += (a[index] as number) * (b[index] as number);
  return dot;
}
