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
  it("gives the cosine similarity within 0.02 of the exact one, for vectors of any length", () => {
    const store = new QuantisedVectors(384);
    const query = vector(1);
    const norm = Math.sqrt(cosineSimilarity(query, query));
    for (let id = 1; id <= 50; id++) {
      const stored = vector(id * 7919).map((value) => value * id);
      store.set(id, stored);
      expect(Math.abs((store.similarity(id, query, norm) as number) - cosine(query, stored))).toBeLessThan(0.02);
    }
    store.set(100, vector(1));
    expect(store.similarity(100, query, norm)).toBeGreaterThan(0.99);
  });

  it("forgets a deleted vector, and a new one reusing its place does not inherit it", () => {
    const store = new QuantisedVectors(8);
    const a = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]);
    const b = Float32Array.from([0, 1, 0, 0, 0, 0, 0, 0]);
    store.set(1, a);
    store.delete(1);
    expect(store.has(1)).toBe(false);
    expect(store.similarity(1, a, 1)).toBeUndefined();
    store.set(2, b);
    expect(store.similarity(2, a, 1)).toBeCloseTo(0, 5);
    expect(store.similarity(2, b, 1)).toBeCloseTo(1, 5);
  });
});
