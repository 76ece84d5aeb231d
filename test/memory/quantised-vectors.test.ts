import { describe, expect, it } from "vitest";
import { QuantisedVectors } from "../../src/memory/quantised-vectors.js";
import { cosineSimilarity } from "../../src/text/index.js";

/** A vector of seeded pseudo-random values in [-1, 1), not normalised. */
function vector(seed: number, dimensions = 384): Float32Array {
  let state = seed;
  return Float32Array.from({ length: dimensions }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 1073741824 - 1;
  });
}

const cosine = (a: Float32Array, b: Float32Array) =>
  cosineSimilarity(a, b) / Math.sqrt(cosineSimilarity(a, a) * cosineSimilarity(b, b));

describe("QuantisedVectors", () => {
  it("gives the cosine similarity within 0.02 of the exact one, for vectors of any length and dimension", () => {
    for (const dimensions of [384, 1536, 10]) {
      const store = new QuantisedVectors(dimensions);
      const query = vector(1, dimensions);
      const slots = Array.from({ length: 1200 }, (_, i) => i + 1);
      const stored = slots.map((slot) => vector(slot * 7919, dimensions).map((value) => value * slot));
      for (const [i, slot] of slots.entries()) store.set(slot, stored[i] as Float32Array);
      const similarities = store.similarities(slots, query);
      slots.forEach((_, i) => {
        expect(Math.abs((similarities[i] as number) - cosine(query, stored[i] as Float32Array))).toBeLessThan(0.02);
      });
      store.set(5000, vector(1, dimensions));
      expect(store.similarities([5000], query)[0]).toBeGreaterThan(0.99);
    }
  });

  it("forgets a deleted vector, and a new one stored in its slot does not inherit it", () => {
    const store = new QuantisedVectors(8);
    const a = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]);
    const b = Float32Array.from([0, 1, 0, 0, 0, 0, 0, 0]);
    store.set(1, a);
    store.delete(1);
    expect(store.has(1)).toBe(false);
    expect(store.similarities([1], a)[0]).toBeNaN();
    store.set(1, b);
    expect(store.has(1)).toBe(true);
    expect(store.similarities([1], a)[0]).toBeCloseTo(0, 5);
    expect(store.similarities([1], b)[0]).toBeCloseTo(1, 5);
  });
});
