import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type hnswlib from "hnswlib-node";
import { hnswlibAddon } from "./hnswlib-addon.js";

export interface VectorIndexOptions {
  dimensions: number;
  /** Graph degree. Default 24. */
  m?: number;
  /** Build-time beam width. Default 64. */
  efConstruction?: number;
  /** Query-time beam width. Default 128 (scaled with the index size, see `beamFor`). */
  efSearch?: number;
}

export interface Neighbour {
  label: number;
  /** Cosine similarity, 1 = same direction. */
  similarity: number;
}

const INITIAL_CAPACITY = 1024;
/**
 * The query beam for an index of `count` vectors: half of `efSearch` below
 * 10,000 vectors (a small graph reaches the same recall), three and a half
 * times it above 50,000. Measured at 100k (`memory-scale`'s 100 queries):
 * recall@10 0.927 at ×2, 0.949 at ×3, 0.958 at ×3.5, 0.961 at ×4; on 400
 * other queries 0.963 at ×3, 0.966 at ×3.5, 0.971 at ×4. The search costs
 * about the beam: ×3.5 is 12% cheaper than ×4 (see
 * docs/decisions/2026-12-06-query-beam-at-100k.md).
 */
function beamFor(count: number, efSearch: number): number {
  if (count < 10_000) return efSearch / 2;
  return count > 50_000 ? efSearch * 3.5 : efSearch;
}

/**
 * An hnswlib-node cosine index keyed by memory id. The defaults were chosen
 * by measurement on offline embeddings of Zipf-distributed text (20k vectors,
 * `bench/memory-scale.bench.ts`): M 24 with efConstruction 64 inserts fastest
 * of the settings that reach recall@10 ≥ 0.95 against exact search at ef 128. It is only a cache of the
 * vectors stored in SQLite: `LongTermMemory` rebuilds it when it is missing or
 * does not match what SQLite says was saved.
 */
export class VectorIndex {
  readonly dimensions: number;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly options: Required<VectorIndexOptions>;
  /** The plain array hnswlib-node takes, filled anew for each vector: one array per index instead of one per call. */
  private readonly numbers: number[];

  private constructor(options: VectorIndexOptions, index: hnswlib.HierarchicalNSW) {
    this.options = { m: 24, efConstruction: 64, efSearch: 128, ...options };
    this.dimensions = options.dimensions;
    this.index = index;
    this.index.setEf(this.options.efSearch);
    this.numbers = new Array<number>(options.dimensions).fill(0.5);
  }

  /** An empty index. */
  static create(options: VectorIndexOptions): VectorIndex {
    const { HierarchicalNSW } = hnswlibAddon();
    const index = new HierarchicalNSW("cosine", options.dimensions);
    index.initIndex({
      maxElements: INITIAL_CAPACITY,
      m: options.m ?? 24,
      efConstruction: options.efConstruction ?? 64,
      randomSeed: 42,
      allowReplaceDeleted: true,
    });
    return new VectorIndex(options, index);
  }

  /** Loads an index written by `save`, or returns undefined when the file is absent or not `expectedSize` bytes. */
  static load(file: string, expectedSize: number, options: VectorIndexOptions): VectorIndex | undefined {
    if (!existsSync(file) || statSync(file).size !== expectedSize) return undefined;
    const { HierarchicalNSW } = hnswlibAddon();
    const index = new HierarchicalNSW("cosine", options.dimensions);
    try {
      index.readIndexSync(file, true);
    } catch {
      return undefined;
    }
    return new VectorIndex(options, index);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /** Adds (or replaces) the vector for a label, growing the index as needed. */
  add(label: number, vector: Float32Array): void {
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      // An index saved empty loads with room for nothing, and twice nothing is nothing.
      this.index.resizeIndex(Math.max(INITIAL_CAPACITY, this.index.getMaxElements() * 2));
    }
    this.index.addPoint(this.toNumbers(vector), label, true);
  }

  remove(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // Not in the index (never embedded, or already deleted): nothing to remove.
    }
  }

  /** The k nearest labels that pass `filter`, most similar first. */
  search(vector: Float32Array, k: number, filter?: (label: number) => boolean): Neighbour[] {
    const count = this.index.getCurrentCount();
    if (count === 0 || k <= 0) return [];
    this.index.setEf(Math.max(k, beamFor(count, this.options.efSearch)));
    const result = this.index.searchKnn(this.toNumbers(vector), Math.min(k, count), filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  /**
   * The vector as the plain array hnswlib-node takes (which copies it before
   * the call returns). A counted loop, not `Array.from`: that walks the typed
   * array's iterator and boxes every element, about 18 KB of garbage per
   * 384-dimension vector.
   */
  private toNumbers(vector: Float32Array): number[] {
    const numbers = vector.length === this.numbers.length ? this.numbers : new Array<number>(vector.length);
    for (let i = 0; i < vector.length; i++) numbers[i] = vector[i] as number;
    return numbers;
  }

  /** Writes the index atomically (temp file, then rename) and returns its size in bytes. */
  save(file: string): number {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    try {
      this.index.writeIndexSync(temp);
    } catch (error) {
      // A full disk leaves a partial temp file: free its space; the last good file stays as it was.
      rmSync(temp, { force: true });
      throw error;
    }
    renameSync(temp, file);
    return statSync(file).size;
  }
}
