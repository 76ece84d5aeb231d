/**
 * The hashing trick: string features land in a fixed-size vector at an index
 * and with a sign taken from a 32-bit hash, so no vocabulary is needed and
 * collisions cancel out on average instead of piling up.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text[start, end)`, starting from `seed` so feature kinds hash apart, finished with a murmur mix. */
export function hashRange(text: string, start: number, end: number, seed: number): number {
  let hash = (FNV_OFFSET ^ seed) >>> 0;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a hash of a whole string (see `hashRange`). */
export function hashText(text: string, seed = 0): number {
  return hashRange(text, 0, text.length, seed);
}

/** Adds `weight` to the slot chosen by `hash`, with the sign from its lowest bit. */
export function addHashed(vector: Float32Array, hash: number, weight: number): void {
  const slot = (hash >>> 1) % vector.length;
  vector[slot] = (vector[slot] as number) + (hash & 1 ? -weight : weight);
}
