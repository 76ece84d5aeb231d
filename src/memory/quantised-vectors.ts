import { byteVectorArena, DOT_BATCH } from "./byte-vector-arena.js";
import { ScratchArray } from "./scratch-array.js";

/** Vectors per block of storage: one allocation per 1,024 memories, not one per memory. */
const BLOCK = 1024;
/** The query's scale: 16 bits (fewer for vectors past 516 dimensions), so its rounding adds little to the stored vectors' 8. */
const QUERY_SCALE = 32_767;

/**
 * A compact copy of memory vectors, one signed byte per dimension (a
 * quarter of the float32 size), for exact similarity over a small set of
 * memories: a room's or a user's own (see `ScopeMembers`). hnswlib answers
 * such a filtered search by walking most of its graph when few vectors pass
 * the filter, and reading a vector back out of it costs about 100 µs; this
 * costs about 0.04 µs per vector (a SIMD dot product in WebAssembly, see
 * `byteVectorArena`). Quantising a unit vector to 8 bits moves a cosine
 * similarity by about 0.01, which only reorders near-ties among candidates
 * that fusion ranks again anyway.
 */
export class QuantisedVectors {
  private readonly dimensions: number;
  /** Bytes per stored vector: the dimensions, rounded up to the 16 a SIMD step takes (the rest stays zero). */
  private readonly stride: number;
  /** Per block of slots, its offset in the arena. */
  private readonly blocks: number[] = [];
  /**
   * Per slot: what turns the byte dot product back into a cosine (the
   * quantisation step over the vector's norm); NaN where no vector is stored.
   */
  private readonly factors: Float32Array[] = [];
  /** Where this store's query goes in the arena, as 16-bit numbers, made on the first search. */
  private query: number | undefined;

  constructor(dimensions: number) {
    this.dimensions = dimensions;
    this.stride = Math.ceil(dimensions / 16) * 16;
  }

  /** Stores (or replaces) the vector at `slot` (a memory's slot in `MemoryCatalogue`). */
  set(slot: number, vector: Float32Array): void {
    const block = (slot / BLOCK) | 0;
    while (this.blocks.length <= block) {
      this.blocks.push(byteVectorArena().allocate(BLOCK * this.stride));
      this.factors.push(new Float32Array(BLOCK).fill(Number.NaN));
    }
    const { largest, norm } = this.magnitudes(vector);
    const bytes = byteVectorArena().int8;
    const base = (this.blocks[block] as number) + (slot % BLOCK) * this.stride;
    const scale = largest > 0 ? 127 / largest : 0;
    for (let i = 0; i < this.dimensions; i++) bytes[base + i] = Math.round((vector[i] ?? 0) * scale);
    (this.factors[block] as Float32Array)[slot % BLOCK] = largest > 0 ? largest / 127 / norm : 0;
  }

  has(slot: number): boolean {
    return !Number.isNaN(this.factorOf(slot));
  }

  delete(slot: number): void {
    const factors = this.factors[(slot / BLOCK) | 0];
    if (factors) factors[slot % BLOCK] = Number.NaN;
  }

  /**
   * The cosine similarity with `query` of the vector at each of the first
   * `count` of `slots` (default: all), in order; NaN for a slot without one
   * (or a query of zeros). The array returned is reused by the next call (of
   * any instance) and may be longer than `count`: read it before calling again.
   */
  similarities(slots: ArrayLike<number>, query: Float32Array, count = slots.length): Float64Array {
    // Buffers shared by every call, grown as needed: a recall compares a room's thousands of memories on each
    // message, and fresh arrays for them were a quarter of what a message allocated.
    const result = scratch.result.take(count);
    const offsets = scratch.offsets.take(count);
    const factors = scratch.factors.take(count);
    const present = scratch.present.take(count);
    result.fill(Number.NaN, 0, count);
    let found = 0;
    for (let i = 0; i < count; i++) {
      const slot = slots[i] as number;
      const factor = this.factorOf(slot);
      if (Number.isNaN(factor)) continue;
      offsets[found] = (this.blocks[(slot / BLOCK) | 0] as number) + (slot % BLOCK) * this.stride;
      factors[found] = factor;
      present[found] = i;
      found++;
    }
    const queryFactor = this.writeQuery(query);
    if (found === 0 || queryFactor === 0) return result;
    const arena = byteVectorArena();
    const dots = scratch.dots.take(found);
    for (let from = 0; from < found; from += DOT_BATCH) {
      arena.dotProducts(this.query as number, offsets, from, Math.min(DOT_BATCH, found - from), this.stride, dots);
    }
    for (let n = 0; n < found; n++) {
      result[present[n] as number] = (dots[n] as number) * (factors[n] as number) * queryFactor;
    }
    return result;
  }

  private factorOf(slot: number): number {
    return this.factors[(slot / BLOCK) | 0]?.[slot % BLOCK] ?? Number.NaN;
  }

  /** A vector's largest absolute value (what its scale is set by) and its length. */
  private magnitudes(vector: Float32Array): { largest: number; norm: number } {
    let largest = 0;
    let squares = 0;
    for (let i = 0; i < this.dimensions; i++) {
      const value = vector[i] ?? 0;
      largest = Math.max(largest, Math.abs(value));
      squares += value * value;
    }
    return { largest, norm: Math.sqrt(squares) };
  }

  /** Writes the query, scaled to 16 bits, where `dotProducts` reads it; returns what turns its scale back into a unit norm. */
  private writeQuery(query: Float32Array): number {
    const arena = byteVectorArena();
    // Twice the stride: 16 bits a dimension.
    this.query ??= arena.allocate(this.stride * 2);
    const { largest, norm } = this.magnitudes(query);
    if (largest === 0) return 0;
    const halves = arena.int16;
    const base = this.query / 2;
    // The sum of `stride` products of a byte and the query must stay within 32 bits.
    const ceiling = Math.min(QUERY_SCALE, Math.floor(2 ** 31 / (127 * this.stride)) - 1);
    const scale = ceiling / largest;
    for (let i = 0; i < this.dimensions; i++) halves[base + i] = Math.round((query[i] ?? 0) * scale);
    return largest / ceiling / norm;
  }
}

/** The buffers `similarities` works in, shared: it runs to completion before any other call can start. */
const scratch = {
  result: new ScratchArray(Float64Array),
  offsets: new ScratchArray(Int32Array),
  factors: new ScratchArray(Float64Array),
  present: new ScratchArray(Int32Array),
  dots: new ScratchArray(Int32Array),
};
