import { byteVectorArena, DOT_BATCH } from "./byte-vector-arena.js";

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
   * The cosine similarity of the vector at each of `slots` with `query`, in
   * order; NaN for a slot without one (or a query of zeros).
   */
  similarities(slots: readonly number[], query: Float32Array): Float64Array {
    const result = new Float64Array(slots.length).fill(Number.NaN);
    const present: number[] = [];
    const offsets = new Int32Array(slots.length);
    const factors = new Float64Array(slots.length);
    slots.forEach((slot, i) => {
      const factor = this.factorOf(slot);
      if (Number.isNaN(factor)) return;
      offsets[present.length] = (this.blocks[(slot / BLOCK) | 0] as number) + (slot % BLOCK) * this.stride;
      factors[present.length] = factor;
      present.push(i);
    });
    const queryFactor = this.writeQuery(query);
    if (present.length === 0 || queryFactor === 0) return result;
    const arena = byteVectorArena();
    const dots = new Int32Array(present.length);
    for (let from = 0; from < present.length; from += DOT_BATCH) {
      const count = Math.min(DOT_BATCH, present.length - from);
      arena.dotProducts(this.query as number, offsets, from, count, this.stride, dots);
    }
    present.forEach((i, n) => {
      result[i] = (dots[n] as number) * (factors[n] as number) * queryFactor;
    });
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
