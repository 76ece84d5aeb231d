import type { Store } from "../store/index.js";
import { cosineSimilarity } from "../text/index.js";
import type { Embedder } from "./embedder.js";
import type { MemoryKind } from "./memory-record.js";
import { type MemoryStatements, toBlob } from "./memory-rows.js";
import type { Neighbour, VectorIndex } from "./vector-index.js";

/** Memories embedded per call to the embedder (remote embedders take batches). */
const EMBED_BATCH = 256;
/** Recall compares at most this many not-yet-indexed vectors one by one before it indexes them first. */
const MAX_UNINDEXED = 32;

/** What the queue needs of long-term memory. */
export interface EmbeddingQueueOptions {
  db: Store;
  statements: MemoryStatements;
  embedder: Embedder;
  /** The index a memory of this kind goes in, or undefined while its shelf has none. */
  indexFor(kind: MemoryKind): VectorIndex | undefined;
  /** The kind of the stored memory with this id, or undefined once it is forgotten. */
  kindOf(id: number): MemoryKind | undefined;
  /** Told of each vector the embedder returns, once it is stored. */
  onEmbedded?(id: number, vector: Float32Array): void;
}

/**
 * The way from a stored memory to a searchable one. A memory whose vector
 * came with it (a synchronous embedder) waits only for the index; one
 * without waits for the embedder, which gets batches. Recall either flushes
 * the queue first or, when few vectors wait, compares them one by one.
 */
export class EmbeddingQueue {
  /** Memories without a vector yet. */
  private pending: number[] = [];
  /** Memories embedded at insert whose vectors are not in the index yet. */
  private unindexed: { id: number; vector: Float32Array }[] = [];
  private embedding: Promise<void> | undefined;
  /** The batch at the embedder now: out of `pending`, not yet in the index. */
  private inFlight: number[] = [];

  constructor(private readonly options: EmbeddingQueueOptions) {}

  /** Queues a stored memory: for the index when its vector is given, for the embedder otherwise. */
  enqueue(id: number, vector?: Float32Array): void {
    if (vector) this.unindexed.push({ id, vector });
    else this.pending.push(id);
  }

  /** Number of memories not searchable yet. */
  get backlog(): number {
    return this.pending.length + this.unindexed.length;
  }

  /** Whether recall should flush before it searches: vectors are missing, or too many wait to be compared one by one. */
  get needsFlush(): boolean {
    return this.pending.length > 0 || this.unindexed.length > MAX_UNINDEXED;
  }

  /** The smallest id not in the index yet (waiting for its vector or for the index), or undefined when none waits. */
  get oldestWaiting(): number | undefined {
    let oldest: number | undefined;
    for (const id of [...this.pending, ...this.inFlight]) oldest = Math.min(oldest ?? id, id);
    for (const { id } of this.unindexed) oldest = Math.min(oldest ?? id, id);
    return oldest;
  }

  /** Adds the vectors that came with their memories to the index. */
  indexEmbedded(): void {
    for (const { id, vector } of this.unindexed) {
      const kind = this.options.kindOf(id);
      if (kind) this.options.indexFor(kind)?.add(id, vector);
    }
    this.unindexed = [];
  }

  /** Embeds, stores and indexes every memory waiting for a vector. Concurrent callers share one run. */
  embedPending(): Promise<void> {
    if (this.pending.length === 0) return this.embedding ?? Promise.resolve();
    this.embedding ??= this.embedAll().finally(() => {
      this.embedding = undefined;
    });
    return this.embedding;
  }

  /**
   * The waiting vectors in `index` whose memory `inScope` accepts, compared
   * with `vector` one by one, so recall never waits for index inserts.
   */
  nearestWaiting(index: VectorIndex, vector: Float32Array, inScope: (id: number) => boolean): Neighbour[] {
    const { indexFor, kindOf } = this.options;
    return this.unindexed
      .filter(({ id }) => inScope(id) && indexFor(kindOf(id) ?? "message") === index)
      .map(({ id, vector: candidate }) => ({ label: id, similarity: cosineSimilarity(vector, candidate) }));
  }

  /** Drops the memories that were forgotten meanwhile. */
  dropForgotten(): void {
    const { kindOf } = this.options;
    this.pending = this.pending.filter((id) => kindOf(id) !== undefined);
    this.unindexed = this.unindexed.filter(({ id }) => kindOf(id) !== undefined);
  }

  private async embedAll(): Promise<void> {
    const { db, statements, embedder, indexFor, kindOf, onEmbedded } = this.options;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, EMBED_BATCH).flatMap((id) => {
        const kind = kindOf(id);
        return kind ? [{ id, kind }] : [];
      });
      this.inFlight = batch.map((entry) => entry.id);
      let vectors: Float32Array[];
      try {
        vectors = await embedder.embed(batch.map((entry) => statements.details.get(entry.id)?.text ?? ""));
      } catch (error) {
        // Back in line for the next flush: a failed embedder (a model server down) loses no memory.
        this.pending.unshift(...this.inFlight);
        this.inFlight = [];
        throw error;
      }
      db.transaction(() => {
        batch.forEach((entry, i) => {
          statements.setEmbedding.run(
            toBlob(vectors[i] as Float32Array),
            embedder.model,
            embedder.dimensions,
            entry.id,
          );
        });
      })();
      batch.forEach((entry, i) => {
        indexFor(entry.kind)?.add(entry.id, vectors[i] as Float32Array);
        onEmbedded?.(entry.id, vectors[i] as Float32Array);
      });
      this.inFlight = [];
    }
  }
}
