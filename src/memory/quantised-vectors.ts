/** Vectors per block of storage: one allocation per 1,024 memories, not one per memory. */
const BLOCK = 1024;

/**
 * A compact copy of memory vectors, one signed byte per dimension (a
 * quarter of the float32 size), for exact similarity over a small set of
 * memories: a room's or a user's own (see `ScopeMembers`). hnswlib answers
 * such a filtered search by walking most of its graph when few vectors pass
 * the filter, and reading a vector back out of it costs about 100 µs; this
 * costs well under a microsecond per vector. Quantising a unit vector to
 * 8 bits moves a cosine similarity by about 0.01, which only reorders
 * near-ties among candidates that fusion ranks again anyway.
 */
export class QuantisedVectors {
  private readonly dimensions: number;
  private readonly slots = new Map<number, number>();
  private readonly free: number[] = [];
  private readonly blocks: Int8Array[] = [];
  /** Per slot: what turns the byte dot product back into a cosine (the quantisation step over the vector's norm). */
  private readonly factors: Float32Array[] = [];
  private used = 0;

  constructor(dimensions: number) {
    this.dimensions = dimensions;
  }

  /** Stores (or replaces) the vector of memory `id`. */
  set(id: number, vector: Float32Array): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.used++;
      this.slots.set(id, slot);
    }
    const block = (slot / BLOCK) | 0;
    while (this.blocks.length <= block) {
      this.blocks.push(new Int8Array(BLOCK * this.dimensions));
      this.factors.push(new Float32Array(BLOCK));
    }
    let largest = 0;
    let squares = 0;
    for (let i = 0; i < this.dimensions; i++) {
      const value = vector[i] ?? 0;
      largest = Math.max(largest, Math.abs(value));
      squares += value * value;
    }
    const bytes = this.blocks[block] as Int8Array;
    const base = (slot % BLOCK) * this.dimensions;
    const scale = largest > 0 ? 127 / largest : 0;
    for (let i = 0; i < this.dimensions; i++) bytes[base + i] = Math.round((vector[i] ?? 0) * scale);
    (this.factors[block] as Float32Array)[slot % BLOCK] = largest > 0 ? largest / 127 / Math.sqrt(squares) : 0;
  }

  has(id: number): boolean {
    return this.slots.has(id);
  }

  delete(id: number): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.free.push(slot);
  }

  /** Cosine similarity of memory `id` with `query` (of norm `queryNorm`), or undefined when its vector is not here. */
  similarity(id: number, query: Float32Array, queryNorm: number): number | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined || queryNorm === 0) return undefined;
    const block = (slot / BLOCK) | 0;
    const bytes = this.blocks[block] as Int8Array;
    const base = (slot % BLOCK) * this.dimensions;
    // Four sums side by side: the loop is the hot path of a small room's recall, and they pipeline.
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let i = 0;
    for (const end = this.dimensions - 3; i < end; i += 4) {
      a += (query[i] as number) * (bytes[base + i] as number);
      b += (query[i + 1] as number) * (bytes[base + i + 1] as number);
      c += (query[i + 2] as number) * (bytes[base + i + 2] as number);
      d += (query[i + 3] as number) * (bytes[base + i + 3] as number);
    }
    for (; i < this.dimensions; i++) a += (query[i] as number) * (bytes[base + i] as number);
    const dot = a + b + c + d;
    return (dot * ((this.factors[block] as Float32Array)[slot % BLOCK] as number)) / queryNorm;
  }
}
