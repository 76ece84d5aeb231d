import { join } from "node:path";
import { cosineSimilarity } from "../model/index.js";
import type { Store } from "../store/index.js";
import { entersTop, insertTop } from "./best-first.js";
import type { Embedder } from "./embedder.js";
import { EmbeddingModelChangedError } from "./embedding-model-changed-error.js";
import { hybridRelevance, NEIGHBOUR_SHARE } from "./hybrid-relevance.js";
import { type KeywordHit, KeywordSearch } from "./keyword-search.js";
import {
  countUnindexed,
  type ForgetSelection,
  otherEmbeddings,
  reembedMemories,
  selectMemoryIds,
} from "./memory-maintenance.js";
import type { MemoryKind, MemoryRecord, NewMemory, RecalledMemory } from "./memory-record.js";
import { insertParameters, prepareMemoryStatements, toBlob, toRecord, toVector } from "./memory-rows.js";
import { type ProgressFactory, terminalProgress } from "./progress-bar.js";
import { RoomTimeline } from "./room-timeline.js";
import { memoryScore, recencyScore } from "./scoring.js";
import { type Neighbour, VectorIndex } from "./vector-index.js";

export interface LongTermMemoryOptions {
  db: Store;
  agent: string;
  embedder: Embedder;
  /** Folder for the index files; default: none (the indexes live in memory and are rebuilt at each start). */
  indexDir?: string;
  /** Shows index rebuilds at `open`. Default: a bar on standard error when it is a terminal. */
  progress?: ProgressFactory;
}

export interface RecallOptions {
  k: number;
  /** Only these kinds; all of them share one shelf (see `Shelf`). Default: every conversation kind. */
  kinds?: MemoryKind[];
  /** Only memories of this room or this user (either matches); knowledge is never scoped. */
  room?: string;
  userId?: string;
  /** Leave out memories made from these messages (e.g. turns already in the short-term window). */
  excludeSourceMessageIds?: Set<number>;
  now?: number;
}

/**
 * Knowledge and conversation live in separate indexes, so a recall of one
 * never wades through the other (hnswlib filters by calling back into JS for
 * every candidate, which is slow when most candidates are rejected).
 */
type Shelf = "conversation" | "knowledge";

/** Recall reads memories from here, not from SQLite: one map lookup instead of a query per recall. */
type Entry = MemoryRecord;

const SHELVES: Shelf[] = ["conversation", "knowledge"];
const TOUCH_WRITE_INTERVAL_MS = 1000;
/** Recall compares at most this many not-yet-indexed vectors one by one before it indexes them first. */
const MAX_UNINDEXED = 32;
/** Each of vector and keyword search proposes at least this many candidates for fusion. */
const MIN_CANDIDATES = 40;
/** An index rebuild shows progress from this many vectors on: smaller ones finish before a bar is worth it. */
const REBUILD_PROGRESS_FROM = 2_000;
const REBUILD_PROGRESS_STEP = 500;

function shelfOf(kind: MemoryKind): Shelf {
  return kind === "knowledge" ? "knowledge" : "conversation";
}

/**
 * Long-term memory of one agent: rows in SQLite (the source of truth) and
 * hnswlib indexes of their vectors. `add` writes the row at once; embedding
 * and indexing happen in batches (`flush`), so a crash never loses a memory:
 * rows still without a vector are embedded at the next start, and an index
 * file that is missing or does not match what SQLite recorded is rebuilt.
 */
export class LongTermMemory {
  private readonly db: Store;
  private readonly agent: string;
  private readonly embedder: Embedder;
  private readonly indexDir: string | undefined;
  private readonly progress: ProgressFactory;
  private readonly indexes = new Map<Shelf, VectorIndex>();
  private readonly entries = new Map<number, Entry>();
  private readonly timeline = new RoomTimeline();
  private readonly keywords: Record<Shelf, KeywordSearch>;
  private readonly touched = new Set<number>();
  private touchesWrittenAt = 0;
  private lastQuery: { text: string; vector: Float32Array } | undefined;
  /** Memories without a vector yet (remote embedders embed in batches). */
  private pending: number[] = [];
  /** Memories embedded at insert whose vectors are not in the index yet. */
  private unindexed: { id: number; vector: Float32Array }[] = [];
  private flushing: Promise<void> | undefined;
  private readonly statements;

  constructor(options: LongTermMemoryOptions) {
    this.db = options.db;
    this.agent = options.agent;
    this.embedder = options.embedder;
    this.indexDir = options.indexDir;
    this.progress = options.progress ?? terminalProgress;
    this.statements = prepareMemoryStatements(options.db);
    this.keywords = {
      conversation: new KeywordSearch(options.db, "memories_fts", "memories_terms"),
      knowledge: new KeywordSearch(options.db, "knowledge_fts", "knowledge_terms"),
    };
  }

  /**
   * Loads the saved indexes (or rebuilds them from SQLite) and queues rows
   * that were never embedded. Throws `EmbeddingModelChangedError` when
   * memories were embedded with another model or dimension (see `reembed`).
   */
  open(): void {
    const { model, dimensions } = this.embedder;
    const stored = otherEmbeddings(this.db, this.agent, this.embedder);
    if (stored.length > 0) throw new EmbeddingModelChangedError({ agent: this.agent, model, dimensions, stored });
    const indexedThrough = new Map<Shelf, number>();
    for (const shelf of SHELVES) indexedThrough.set(shelf, this.loadShelf(shelf));
    const missing = countUnindexed(this.db, this.agent, this.embedder, {
      conversation: indexedThrough.get("conversation") ?? 0,
      knowledge: indexedThrough.get("knowledge") ?? 0,
    });
    const bar =
      missing >= REBUILD_PROGRESS_FROM ? this.progress(`Indexing ${this.agent}'s memories`, missing) : undefined;
    let added = 0;
    for (const row of this.statements.vectors.iterate(this.agent, model, dimensions)) {
      this.remember(toRecord(row));
      const shelf = shelfOf(row.kind);
      if (row.id <= (indexedThrough.get(shelf) ?? 0)) continue;
      this.shelf(shelf).add(row.id, toVector(row.embedding));
      if (++added % REBUILD_PROGRESS_STEP === 0) bar?.update(added);
    }
    bar?.finish();
    const unembedded = this.statements.unembedded.all(this.agent);
    for (const row of unembedded) this.remember(toRecord(row));
    this.pending = unembedded.map((row) => row.id);
  }

  /** Loads a shelf's saved index when SQLite vouches for it; returns the last memory id it holds (0: rebuild). */
  private loadShelf(shelf: Shelf): number {
    const file = this.indexFile(shelf);
    const saved = this.statements.savedIndex.get(this.indexName(shelf));
    if (!file || !saved || saved.model !== this.embedder.model || saved.dimensions !== this.embedder.dimensions)
      return 0;
    const loaded = VectorIndex.load(file, saved.file_size, { dimensions: this.embedder.dimensions });
    if (!loaded) return 0;
    this.indexes.set(shelf, loaded);
    return saved.indexed_through;
  }

  /** Stores a memory now; its vector follows at the next `flush`. Returns its id. */
  add(memory: NewMemory): number {
    const createdAt = memory.createdAt ?? Date.now();
    const { model, dimensions, embedSync } = this.embedder;
    const vector = embedSync?.(memory.text);
    const embedding = vector && { vector, model, dimensions };
    const result = this.statements.insert.run(insertParameters(this.agent, memory, createdAt, embedding));
    const id = Number(result.lastInsertRowid);
    this.remember({
      id,
      kind: memory.kind,
      text: memory.text,
      room: memory.room ?? null,
      userId: memory.userId ?? null,
      importance: memory.importance ?? 0.5,
      source: memory.source ?? null,
      sourceMessageId: memory.sourceMessageId ?? null,
      metadata: memory.metadata ?? null,
      createdAt,
      accessedAt: createdAt,
    });
    if (vector) this.unindexed.push({ id, vector });
    else this.pending.push(id);
    return id;
  }

  private remember(entry: Entry): void {
    this.entries.set(entry.id, entry);
    this.keywords[shelfOf(entry.kind)].add(entry.id, entry.text);
    if (entry.kind === "message" && entry.room !== null) this.timeline.add(entry.room, entry.id);
  }

  /** Whether a memory with this id is stored (after `open`). */
  has(id: number): boolean {
    return this.entries.has(id);
  }

  /** How many memories the agent has, and how many vectors its indexes hold (deleted ones included until a rebuild). */
  get counts(): { memories: number; indexed: number } {
    let indexed = 0;
    for (const index of this.indexes.values()) indexed += index.size;
    return { memories: this.entries.size, indexed };
  }

  /** Number of memories not searchable yet. */
  get backlog(): number {
    return this.pending.length + this.unindexed.length;
  }

  /** Embeds and indexes every pending memory. Concurrent callers share one run. */
  flush(): Promise<void> {
    this.indexEmbedded();
    if (this.pending.length === 0) return this.flushing ?? Promise.resolve();
    this.flushing ??= this.embedPending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private indexEmbedded(): void {
    for (const { id, vector } of this.unindexed) {
      const entry = this.entries.get(id);
      if (entry) this.shelf(shelfOf(entry.kind)).add(id, vector);
    }
    this.unindexed = [];
    if (Date.now() - this.touchesWrittenAt > TOUCH_WRITE_INTERVAL_MS) this.db.transaction(() => this.writeTouches())();
  }

  private async embedPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 256).flatMap((id) => this.entries.get(id) ?? []);
      const vectors = await this.embedder.embed(batch.map((entry) => entry.text));
      this.db.transaction(() => {
        batch.forEach((entry, i) => {
          const vector = vectors[i] as Float32Array;
          this.statements.setEmbedding.run(toBlob(vector), this.embedder.model, this.embedder.dimensions, entry.id);
        });
      })();
      batch.forEach((entry, i) => {
        this.shelf(shelfOf(entry.kind)).add(entry.id, vectors[i] as Float32Array);
      });
    }
  }

  /** Persists recall times. They only steer recency, so they are written at most once a second (and at save). */
  private writeTouches(): void {
    if (this.touched.size === 0) return;
    for (const id of this.touched) {
      const entry = this.entries.get(id);
      if (entry) this.statements.touch.run(entry.accessedAt, id);
    }
    this.touched.clear();
    this.touchesWrittenAt = Date.now();
  }

  /**
   * The k memories that best match `query`. Hybrid: the nearest vectors and
   * the best keyword matches (FTS5, BM25) are fused into one relevance, the
   * turns around each match join in, and the result is weighed with recency
   * and importance (Generative Agents). Filtered by scope and kind.
   */
  async recall(query: string, options: RecallOptions): Promise<RecalledMemory[]> {
    // Memories still waiting for a vector (remote embedders) are embedded first; ones that only wait for
    // the index are compared directly, so recall never waits for index inserts.
    if (this.pending.length > 0 || this.unindexed.length > MAX_UNINDEXED) await this.flush();
    const index = this.shelf(shelfOf(options.kinds?.[0] ?? "message"));
    if (options.k <= 0 || this.entries.size === 0) return [];
    const candidates = Math.max(options.k * 4, MIN_CANDIDATES);
    const byVector = this.nearestInScope(index, await this.embedQuery(query), candidates, options);
    const relevance = hybridRelevance(byVector, this.keywordMatches(query, candidates, options));
    this.addNeighbours(relevance, options);
    const similarity = new Map(byVector.map((neighbour) => [neighbour.label, neighbour.similarity]));
    const now = options.now ?? Date.now();
    const ranked: { entry: Entry; fused: number; score: number }[] = [];
    // forEach, not for…of: a large memory has hundreds of candidates, and each [id, fused] pair would be garbage.
    relevance.forEach((fused, id) => {
      const entry = this.entries.get(id);
      if (!entry) return; // deleted since the index was saved
      const signals = { relevance: fused, recency: recencyScore(entry.accessedAt, now), importance: entry.importance };
      const score = memoryScore(signals);
      if (entersTop(ranked, score, options.k)) insertTop(ranked, { entry, fused, score }, options.k);
    });
    return ranked.map(({ entry, fused, score }) => {
      const recalled = { ...entry, relevance: similarity.get(entry.id) ?? fused, score };
      entry.accessedAt = now;
      this.touched.add(entry.id);
      return recalled;
    });
  }

  /** The best keyword matches in scope, best first. */
  private keywordMatches(query: string, limit: number, options: RecallOptions): KeywordHit[] {
    const shelf = shelfOf(options.kinds?.[0] ?? "message");
    return this.keywords[shelf].find(query, (id) => this.isInScope(id, options), limit);
  }

  /** Turns next to a relevant turn of the same room join the candidates with a share of its relevance. */
  private addNeighbours(relevance: Map<number, number>, options: RecallOptions): void {
    const ids = [...relevance.keys()];
    const scores = [...relevance.values()];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const score = scores[i] as number;
      const room = this.entries.get(id)?.room;
      if (room === null || room === undefined) continue;
      for (const neighbour of this.timeline.neighbours(room, id)) {
        if (!this.isInScope(neighbour, options)) continue;
        relevance.set(neighbour, Math.max(relevance.get(neighbour) ?? 0, NEIGHBOUR_SHARE * score));
      }
    }
  }

  /** Embeds a query, reusing the last vector when the same text is recalled again (one message, two shelves). */
  private async embedQuery(query: string): Promise<Float32Array> {
    if (this.lastQuery?.text !== query) {
      const [vector] = await this.embedder.embed([query]);
      this.lastQuery = { text: query, vector: vector as Float32Array };
    }
    return this.lastQuery.vector;
  }

  /** Searches without a filter first (fast), and with one only when too few results are in scope. */
  private nearestInScope(
    index: VectorIndex,
    vector: Float32Array,
    wanted: number,
    options: RecallOptions,
  ): Neighbour[] {
    const inScope = (label: number) => this.isInScope(label, options);
    let found = index.search(vector, wanted).filter((neighbour) => inScope(neighbour.label));
    if (found.length < options.k && index.size > wanted) found = index.search(vector, wanted, inScope);
    const waiting = this.unindexed
      .filter(({ id }) => inScope(id) && this.shelf(shelfOf(this.entries.get(id)?.kind ?? "message")) === index)
      .map(({ id, vector: candidate }) => ({ label: id, similarity: cosineSimilarity(vector, candidate) }));
    if (waiting.length === 0) return found;
    return [...found, ...waiting].sort((a, b) => b.similarity - a.similarity).slice(0, wanted);
  }

  private isInScope(label: number, options: RecallOptions): boolean {
    const scope = this.entries.get(label);
    if (!scope) return false;
    if (options.kinds && !options.kinds.includes(scope.kind)) return false;
    if (scope.sourceMessageId !== null && options.excludeSourceMessageIds?.has(scope.sourceMessageId)) return false;
    if (scope.kind === "knowledge") return true;
    if (options.room === undefined && options.userId === undefined) return true;
    return scope.room === options.room || (options.userId !== undefined && scope.userId === options.userId);
  }

  /** Ids of the memories of a kind, grouped by their `source`. */
  sources(kind: MemoryKind): Map<string, number[]> {
    const sources = new Map<string, number[]>();
    for (const row of this.statements.bySource.all(this.agent, kind)) {
      const ids = sources.get(row.source) ?? [];
      ids.push(row.id);
      sources.set(row.source, ids);
    }
    return sources;
  }

  /** Deletes memories from SQLite and the indexes. */
  forget(ids: number[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.statements.delete.run(this.agent, id);
    })();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.shelf(shelfOf(entry.kind)).remove(id);
      this.keywords[shelfOf(entry.kind)].remove(id, entry.text);
      if (entry.room) this.timeline.remove(entry.room, id);
      this.entries.delete(id);
    }
    this.pending = this.pending.filter((id) => this.entries.has(id));
    this.unindexed = this.unindexed.filter(({ id }) => this.entries.has(id));
  }

  /** Deletes the conversation memories that match every field of `selection` (knowledge stays); returns how many. */
  forgetWhere(selection: ForgetSelection): number {
    const ids = selectMemoryIds(this.db, this.agent, selection);
    this.forget(ids);
    return ids.length;
  }

  /**
   * Re-embeds the memories stored with another model or dimension, in
   * batches, so that `open` accepts them. Call it before `open`. Returns how many.
   */
  reembed(progress?: ProgressFactory): Promise<number> {
    return reembedMemories(this.db, this.agent, this.embedder, progress);
  }

  /** Writes the index files and records how far they go, so the next start loads them instead of rebuilding. */
  async save(): Promise<void> {
    await this.flush();
    this.db.transaction(() => this.writeTouches())();
    if (!this.indexDir) return;
    const indexedThrough = this.statements.maxId.get(this.agent)?.id ?? 0;
    for (const shelf of SHELVES) {
      const size = this.shelf(shelf).save(this.indexFile(shelf) as string);
      const { model, dimensions } = this.embedder;
      this.statements.saveIndex.run(this.indexName(shelf), model, dimensions, indexedThrough, size);
    }
  }

  /** A shelf's index, made empty on first use (each costs an allocation; many agents never get knowledge). */
  private shelf(shelf: Shelf): VectorIndex {
    let index = this.indexes.get(shelf);
    if (!index) {
      index = VectorIndex.create({ dimensions: this.embedder.dimensions });
      this.indexes.set(shelf, index);
    }
    return index;
  }

  private indexName(shelf: Shelf): string {
    return `${this.agent}#${shelf}`;
  }

  private indexFile(shelf: Shelf): string | undefined {
    return this.indexDir ? join(this.indexDir, `${encodeURIComponent(this.agent)}.${shelf}.hnsw`) : undefined;
  }
}
