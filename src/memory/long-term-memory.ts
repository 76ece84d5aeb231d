import type { Store } from "../store/index.js";
import { bestIndices } from "./best-indices.js";
import type { Embedder } from "./embedder.js";
import { EmbeddingModelChangedError } from "./embedding-model-changed-error.js";
import { EmbeddingQueue } from "./embedding-queue.js";
import { rankByFusion } from "./fusion-ranking.js";
import { IndexRebuild } from "./index-rebuild.js";
import { type KeywordHit, KeywordSearch } from "./keyword-search.js";
import { MemoryCatalogue } from "./memory-catalogue.js";
import {
  countUnindexed,
  type ForgetSelection,
  otherEmbeddings,
  reembedMemories,
  selectMemoryIds,
} from "./memory-maintenance.js";
import type { MemoryEntry, MemoryKind, MemoryRecord, NewMemory, RecalledMemory } from "./memory-record.js";
import {
  insertParameters,
  type MemoryDetails,
  type MemoryStatements,
  prepareMemoryStatements,
  toDetails,
  toEntry,
  toRecord,
  toVector,
} from "./memory-rows.js";
import { type ProgressFactory, terminalProgress } from "./progress-bar.js";
import { QuantisedVectors } from "./quantised-vectors.js";
import type { RecallOptions } from "./recall-scope.js";
import { RoomTimeline } from "./room-timeline.js";
import { ScopeMembers } from "./scope-members.js";
import { ScratchArray } from "./scratch-array.js";
import { type Shelf, ShelfIndex, shelfOf } from "./shelf-index.js";
import type { Neighbour, VectorIndex } from "./vector-index.js";

export interface LongTermMemoryOptions {
  db: Store;
  agent: string;
  embedder: Embedder;
  /** Folder for the index files; default: none (the indexes live in memory and are rebuilt at each start). */
  indexDir?: string;
  /** Shows index rebuilds at `open`. Default: a bar on standard error when it is a terminal. */
  progress?: ProgressFactory;
  /**
   * A shelf gets its hnswlib index once it holds more than this many
   * memories and a recall needs one; until then recall compares them one by
   * one (and a recall in a room or user with at most 4,096 memories always
   * does). Default 1024; 0: every shelf has its index from the first memory,
   * needed or not. Each index costs about 2.5 MB however small (hnswlib's lock
   * table), which a thousand agents that each remember a little cannot afford,
   * and about 0.4 ms per insert at 100k memories.
   */
  exactUpTo?: number;
}

const TOUCH_WRITE_INTERVAL_MS = 1000;
/** Each of vector and keyword search proposes at least this many candidates for fusion. */
const MIN_CANDIDATES = 40;
/** An index rebuild shows progress from this many vectors on: smaller ones finish before a bar is worth it. */
const REBUILD_PROGRESS_FROM = 2_000;
/**
 * A recall scoped to a room or user with at most this many memories compares
 * them one by one (about 2 ms at the limit) instead of asking the index for
 * neighbours that pass a filter, which walks most of the graph when few pass.
 */
const EXACT_SCOPE_LIMIT = 4096;
const EXACT_UP_TO = 1024;
/** The ids in scope and their catalogue slots during `nearestAmong`, shared by every recall (each runs to completion). */
const nearestScratch = { ids: new ScratchArray(Float64Array), slots: new ScratchArray(Int32Array) };
const SHELVES: Shelf[] = ["conversation", "knowledge"];

/**
 * Long-term memory of one agent: rows in SQLite (the source of truth) and
 * hnswlib indexes of their vectors (`ShelfIndex`). `add` writes the row at
 * once; embedding and indexing happen in batches (`EmbeddingQueue`, run by
 * `flush`), so a crash never loses a memory: rows still without a vector are
 * embedded at the next start, and an index file that is missing or does not
 * match what SQLite recorded is rebuilt. Recall fuses vector and keyword
 * search (`rankByFusion`).
 */
export class LongTermMemory {
  private readonly db: Store;
  private readonly agent: string;
  private readonly embedder: Embedder;
  private readonly progress: ProgressFactory;
  private readonly statements: MemoryStatements;
  private readonly shelves: ShelfIndex;
  private readonly queue: EmbeddingQueue;
  /**
   * Recall ranks and scopes memories from here, not from SQLite: a lookup
   * instead of a query per candidate. Their text is read from SQLite for the
   * few a recall returns.
   */
  private readonly catalogue = new MemoryCatalogue();
  private readonly timeline = new RoomTimeline();
  private readonly members = new ScopeMembers();
  /** A compact copy of every vector, at its memory's catalogue slot, for recalls that compare a few memories one by one. */
  private readonly smallVectors: QuantisedVectors;
  private readonly exactUpTo: number;
  private readonly keywords: Record<Shelf, KeywordSearch>;
  private readonly touched = new Set<number>();
  private touchesWrittenAt = 0;
  private lastQuery: { text: string; vector: Float32Array } | undefined;
  /** Per shelf, the last memory id the loaded index file held. */
  private loadedThrough: Record<Shelf, number> = { conversation: 0, knowledge: 0 };
  private rebuild: IndexRebuild | undefined;
  private indexed: Promise<void> = Promise.resolve();
  /**
   * Shelves a recall has needed an index for. Knowledge always: its recalls
   * are never scoped. Conversation once a recall without a room or user, or
   * in a scope too large to compare one by one, asked: until then its index
   * would only cost inserts that no recall reads.
   */
  private readonly wanted: Record<Shelf, boolean>;
  /** Indexes a recall asked for, being built between messages; recall compares one by one until they finish. */
  private readonly building = new Map<Shelf, { rebuild: IndexRebuild; done: Promise<void> }>();
  private missing = 0;
  /** Whether the indexes changed since they were last saved. */
  private dirty = false;

  constructor(options: LongTermMemoryOptions) {
    this.db = options.db;
    this.agent = options.agent;
    this.embedder = options.embedder;
    this.progress = options.progress ?? terminalProgress;
    this.statements = prepareMemoryStatements(options.db);
    const { model, dimensions } = options.embedder;
    this.smallVectors = new QuantisedVectors(dimensions);
    this.exactUpTo = options.exactUpTo ?? EXACT_UP_TO;
    this.wanted = { conversation: this.exactUpTo === 0, knowledge: true };
    this.shelves = new ShelfIndex({
      agent: options.agent,
      statements: this.statements,
      model,
      dimensions,
      indexDir: options.indexDir,
    });
    this.queue = new EmbeddingQueue({
      db: options.db,
      statements: this.statements,
      embedder: options.embedder,
      indexFor: (kind) => this.shelves.find(shelfOf(kind)),
      kindOf: (id) => this.catalogue.kindOf(id),
      onEmbedded: (id, vector) => this.storeSmallVector(id, vector),
    });
    this.keywords = {
      conversation: new KeywordSearch(options.db, "memories_fts", "memories_terms"),
      knowledge: new KeywordSearch(options.db, "knowledge_fts", "knowledge_terms"),
    };
  }

  /**
   * Loads the saved indexes and adds what SQLite holds beyond them (all of
   * it when no file can be trusted), and queues rows that were never
   * embedded. With `background`, the missing vectors are added in slices
   * between messages (see `indexStatus`, `whenIndexed`) instead of before
   * `open` returns. Throws `EmbeddingModelChangedError` when memories were
   * embedded with another model or dimension (see `reembed`).
   */
  open(options: { background?: boolean } = {}): void {
    const { model, dimensions } = this.embedder;
    const stored = otherEmbeddings(this.db, this.agent, this.embedder);
    if (stored.length > 0) throw new EmbeddingModelChangedError({ agent: this.agent, model, dimensions, stored });
    this.loadedThrough = this.shelves.load();
    // A saved index was needed before: it is kept up to date from the start.
    for (const shelf of SHELVES) if (this.shelves.find(shelf)) this.wanted[shelf] = true;
    for (const row of this.statements.vectors.iterate(this.agent, model, dimensions)) {
      this.smallVectors.set(this.enter(toEntry(row), row.text), toVector(row.embedding));
    }
    for (const row of this.statements.unembedded.all(this.agent)) {
      this.enter(toEntry(row), row.text);
      this.queue.enqueue(row.id);
    }
    // A shelf with neither a saved index nor the need for one is searched one by one: nothing to rebuild.
    for (const shelf of SHELVES) if (this.wanted[shelf] && this.outgrewExactSearch(shelf)) this.shelves.of(shelf);
    const reach = (shelf: Shelf) => (this.shelves.find(shelf) ? this.loadedThrough[shelf] : Number.MAX_SAFE_INTEGER);
    const rebuilt = { conversation: reach("conversation"), knowledge: reach("knowledge") };
    const missing = countUnindexed(this.db, this.agent, this.embedder, rebuilt);
    const rebuild = new IndexRebuild({
      db: this.db,
      agent: this.agent,
      embedder: this.embedder,
      shelves: this.shelves,
      loadedThrough: rebuilt,
      until: this.statements.maxId.get(this.agent)?.id ?? 0,
      isStored: (id) => this.catalogue.has(id),
    });
    this.missing = missing;
    if (missing === 0) return;
    this.dirty = true;
    if (options.background) {
      this.rebuild = rebuild;
      this.indexed = rebuild.run();
      return;
    }
    const bar =
      missing >= REBUILD_PROGRESS_FROM ? this.progress(`Indexing ${this.agent}'s memories`, missing) : undefined;
    rebuild.runNow((added) => bar?.update(Math.min(added, missing)));
    bar?.finish();
  }

  /** Whether the indexes are still being rebuilt in the background, and how far along. */
  get indexStatus(): { rebuilding: boolean; missing: number; added: number } {
    const rebuild = this.rebuild;
    return { rebuilding: rebuild?.running ?? false, missing: this.missing, added: rebuild?.added ?? this.missing };
  }

  /** Resolves once the background rebuild started by `open`, and the builds recalls asked for, have finished (or were stopped). */
  async whenIndexed(): Promise<void> {
    await this.indexed;
    await Promise.all([...this.building.values()].map((build) => build.done));
  }

  /** Stores a memory now; its vector follows at the next `flush`. Returns its id. */
  add(memory: NewMemory): number {
    const createdAt = memory.createdAt ?? Date.now();
    const { model, dimensions, embedSync } = this.embedder;
    const vector = embedSync?.(memory.text);
    const embedding = vector && { vector, model, dimensions };
    const result = this.statements.insert.run(insertParameters(this.agent, memory, createdAt, embedding));
    const id = Number(result.lastInsertRowid);
    const entry = {
      id,
      kind: memory.kind,
      room: memory.room ?? null,
      userId: memory.userId ?? null,
      importance: memory.importance ?? 0.5,
      sourceMessageId: memory.sourceMessageId ?? null,
      createdAt,
      accessedAt: createdAt,
    };
    const slot = this.enter(entry, memory.text);
    if (vector) this.smallVectors.set(slot, vector);
    this.queue.enqueue(id, vector);
    this.indexIfOutgrown(shelfOf(memory.kind));
    this.dirty = true;
    return id;
  }

  /**
   * Puts a stored memory where recall looks: the catalogue, its shelf's
   * keyword search, its room's timeline and scope lists. Returns its slot.
   */
  private enter(entry: MemoryEntry, text: string): number {
    const slot = this.catalogue.add(entry);
    this.keywords[shelfOf(entry.kind)].add(entry.id, text);
    if (entry.kind === "message" && entry.room !== null) this.timeline.add(entry.room, entry.id);
    this.members.add(entry);
    return slot;
  }

  private storeSmallVector(id: number, vector: Float32Array): void {
    const slot = this.catalogue.slotOf(id);
    if (slot !== undefined) this.smallVectors.set(slot, vector);
  }

  /**
   * Whether a recall on this shelf could have to compare more than
   * `exactUpTo` memories one by one. The whole shelf counts, not its largest
   * room: a recall without a room or user (knowledge, `troupe memory`) compares all of it.
   */
  private outgrewExactSearch(shelf: Shelf): boolean {
    return this.members.countOf(shelf) > this.exactUpTo;
  }

  /**
   * Gives a shelf that a recall needs an index for and that has outgrown
   * exact search its index, built from SQLite before `add` returns: once per
   * agent, just past `exactUpTo` vectors (about half a second at 1,024).
   */
  private indexIfOutgrown(shelf: Shelf): void {
    if (!this.wanted[shelf] || this.shelves.find(shelf) || !this.outgrewExactSearch(shelf)) return;
    this.rebuildOf(shelf).runNow();
  }

  /**
   * The index a recall on this shelf searches, or undefined while it
   * compares one by one: the shelf is small, or the index a recall asked for
   * is still being built (between messages, see `IndexRebuild`).
   */
  private searchableIndex(shelf: Shelf): VectorIndex | undefined {
    if (!this.wanted[shelf]) {
      this.wanted[shelf] = true;
      if (this.outgrewExactSearch(shelf) && !this.shelves.find(shelf)) {
        const rebuild = this.rebuildOf(shelf);
        const done = rebuild.run().finally(() => this.building.delete(shelf));
        this.building.set(shelf, { rebuild, done });
      }
    }
    return this.building.has(shelf) ? undefined : this.shelves.find(shelf);
  }

  /** A new, empty index for a shelf and the rebuild that fills it from SQLite. */
  private rebuildOf(shelf: Shelf): IndexRebuild {
    this.shelves.of(shelf);
    this.dirty = true;
    return new IndexRebuild({
      db: this.db,
      agent: this.agent,
      embedder: this.embedder,
      shelves: this.shelves,
      // Only this shelf: the other one's rows lie below its reach.
      loadedThrough: { conversation: Number.MAX_SAFE_INTEGER, knowledge: Number.MAX_SAFE_INTEGER, [shelf]: 0 },
      until: this.statements.maxId.get(this.agent)?.id ?? 0,
      isStored: (id) => this.catalogue.has(id),
    });
  }

  /** Whether a memory with this id is stored (after `open`). */
  has(id: number): boolean {
    return this.catalogue.has(id);
  }

  /**
   * How many memories the agent has, and how many are searchable by vector:
   * held by a shelf's index (deleted ones included until a rebuild), or,
   * on a shelf too small for one, compared one by one.
   */
  get counts(): { memories: number; indexed: number } {
    let indexed = 0;
    for (const shelf of SHELVES) {
      const index = this.building.has(shelf) ? undefined : this.shelves.find(shelf);
      if (index) indexed += index.size;
      else
        indexed += this.members
          .ofShelf(shelf)
          .filter((id) => this.smallVectors.has(this.catalogue.slotOf(id) ?? -1)).length;
    }
    return { memories: this.catalogue.size, indexed };
  }

  /** Number of memories not searchable yet. */
  get backlog(): number {
    return this.queue.backlog;
  }

  /** Embeds and indexes every pending memory. Concurrent callers share one run. */
  flush(): Promise<void> {
    this.queue.indexEmbedded();
    if (Date.now() - this.touchesWrittenAt > TOUCH_WRITE_INTERVAL_MS) this.db.transaction(() => this.writeTouches())();
    return this.queue.embedPending();
  }

  /** Persists recall times. They only steer recency, so they are written at most once a second (and at save). */
  private writeTouches(): void {
    if (this.touched.size === 0) return;
    for (const id of this.touched) {
      const accessedAt = this.catalogue.accessedAt(id);
      if (accessedAt !== undefined) this.statements.touch.run(accessedAt, id);
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
    if (this.queue.needsFlush) await this.flush();
    const shelf = shelfOf(options.kinds?.[0] ?? "message");
    const scoped = shelf === "conversation" ? this.members.candidates(options, EXACT_SCOPE_LIMIT) : undefined;
    // Asked even of an empty shelf: a recall that needs the index says so before the shelf fills.
    const index = scoped ? undefined : this.searchableIndex(shelf);
    if (options.k <= 0 || this.catalogue.size === 0) return [];
    const candidates = Math.max(options.k * 4, MIN_CANDIDATES);
    const members = scoped ?? (index ? undefined : this.everyCandidate(shelf, options));
    // A room and user with no memories yet (a newcomer), or an empty shelf: nothing to search.
    if (members?.length === 0) return [];
    const vector = await this.embedQuery(query);
    const inScope = this.catalogue.scopeTest(options);
    const byVector = members
      ? this.nearestAmong(members, vector, candidates, inScope)
      : this.nearestInScope(index as VectorIndex, vector, candidates, options.k, inScope);
    const now = options.now ?? Date.now();
    const ranked = rankByFusion(byVector, this.keywordMatches(query, candidates, options, inScope), {
      catalogue: this.catalogue,
      timeline: this.timeline,
      inScope,
      k: options.k,
      now,
    });
    const details = this.detailsOf(ranked.map(({ entry }) => entry));
    return ranked.map(({ entry, relevance, score }) => {
      // Assigned, not spread: spreading a record into a new object built each one several times as large.
      const recalled: RecalledMemory = Object.assign(toRecord(entry, details.get(entry.id)), { relevance, score });
      this.catalogue.touch(entry.id, now);
      this.touched.add(entry.id);
      return recalled;
    });
  }

  /** Every memory a recall on this shelf may return, when it has no index to ask: the scope's, or the whole shelf. */
  private everyCandidate(shelf: Shelf, options: RecallOptions): number[] {
    const scoped = shelf === "conversation" ? this.members.candidates(options, Number.POSITIVE_INFINITY) : undefined;
    return scoped ?? [...this.members.ofShelf(shelf)];
  }

  /** The best keyword matches in scope, best first. */
  private keywordMatches(
    query: string,
    limit: number,
    options: RecallOptions,
    inScope: (id: number) => boolean,
  ): KeywordHit[] {
    return this.keywords[shelfOf(options.kinds?.[0] ?? "message")].find(query, inScope, limit);
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
    k: number,
    inScope: (id: number) => boolean,
  ): Neighbour[] {
    let found = index.search(vector, wanted).filter((neighbour) => inScope(neighbour.label));
    if (found.length < k && index.size > wanted) found = index.search(vector, wanted, inScope);
    const waiting = this.queue.nearestWaiting(index, vector, inScope);
    if (waiting.length === 0) return found;
    return [...found, ...waiting].sort((a, b) => b.similarity - a.similarity).slice(0, wanted);
  }

  /** The `wanted` most similar of a few memories (a small room's or user's), compared one by one. */
  private nearestAmong(
    ids: number[],
    vector: Float32Array,
    wanted: number,
    inScope: (id: number) => boolean,
  ): Neighbour[] {
    // Into buffers reused from recall to recall (see `QuantisedVectors.similarities`), not fresh arrays.
    const inside = nearestScratch.ids.take(ids.length);
    const slots = nearestScratch.slots.take(ids.length);
    let count = 0;
    for (const id of ids) {
      if (!inScope(id)) continue;
      inside[count] = id;
      slots[count] = this.catalogue.slotOf(id) as number;
      count++;
    }
    const similarities = this.smallVectors.similarities(slots, vector, count);
    return bestIndices(similarities, count, wanted).map((i) => ({
      label: inside[i] as number,
      similarity: similarities[i] as number,
    }));
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

  /**
   * The newest memories first, for a person browsing them: of `kinds`
   * (default: every kind), in a user's or a room's scope when given (as recall
   * scopes them; knowledge belongs to every scope). Changes nothing.
   */
  recent(options: { limit: number; kinds?: MemoryKind[]; userId?: string; room?: string }): MemoryRecord[] {
    const scope = { k: options.limit, kinds: options.kinds, userId: options.userId, room: options.room };
    const newest = this.catalogue
      .idsWhere(this.catalogue.scopeTest(scope))
      .map((id) => this.catalogue.entry(id) as MemoryEntry)
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
      .slice(0, options.limit);
    return this.recordsOf(newest);
  }

  /** The whole memories, in order: each entry with its text, source and metadata, read from SQLite in one query. */
  private recordsOf(entries: MemoryEntry[]): MemoryRecord[] {
    const details = this.detailsOf(entries);
    return entries.map((entry) => toRecord(entry, details.get(entry.id)));
  }

  /** The text, source and metadata of memories, by id, read from SQLite in one query. */
  private detailsOf(entries: MemoryEntry[]): Map<number, MemoryDetails> {
    const rows = new Map<number, MemoryDetails>();
    if (entries.length === 0) return rows;
    for (const row of this.statements.manyDetails.all(JSON.stringify(entries.map((entry) => entry.id)))) {
      rows.set(row.id, toDetails(row) as MemoryDetails);
    }
    return rows;
  }

  /** Deletes memories from SQLite and the indexes. */
  forget(ids: number[]): void {
    const texts = new Map<number, string>();
    this.db.transaction(() => {
      for (const id of ids) {
        const text = this.statements.details.get(id)?.text;
        if (text !== undefined) texts.set(id, text);
        this.statements.delete.run(this.agent, id);
      }
    })();
    for (const id of ids) {
      const entry = this.catalogue.entry(id);
      if (!entry) continue;
      this.shelves.find(shelfOf(entry.kind))?.remove(id);
      this.keywords[shelfOf(entry.kind)].remove(id, texts.get(id) ?? "");
      if (entry.room) this.timeline.remove(entry.room, id);
      this.members.remove(entry);
      this.smallVectors.delete(this.catalogue.remove(id) as number);
    }
    this.queue.dropForgotten();
    this.dirty = true;
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

  /** Embeds what is pending, then writes the index files (`saveIndexes`); a background rebuild stops where it is. */
  async save(): Promise<void> {
    this.rebuild?.stop();
    for (const { rebuild } of this.building.values()) rebuild.stop();
    await this.whenIndexed();
    await this.flush();
    this.saveIndexes();
  }

  /**
   * Writes the index files now, if they changed, and records how far each
   * reaches: below the oldest memory still waiting for its vector or the
   * index, and no further than a running rebuild got, so the next start adds
   * exactly what the files lack. Returns whether it wrote. Throws what the
   * disk throws (full, read-only); the files saved before stay intact.
   */
  saveIndexes(): boolean {
    this.queue.indexEmbedded();
    this.db.transaction(() => this.writeTouches())();
    if (!this.dirty) return false;
    const waiting = this.queue.oldestWaiting;
    const unfinished = [this.rebuild, ...[...this.building.values()].map((build) => build.rebuild)].filter(
      (rebuild) => rebuild !== undefined && !rebuild.complete,
    );
    const complete = Math.min(
      this.statements.maxId.get(this.agent)?.id ?? 0,
      waiting === undefined ? Number.POSITIVE_INFINITY : waiting - 1,
      ...unfinished.map((rebuild) => rebuild?.through ?? 0),
    );
    const { conversation, knowledge } = this.loadedThrough;
    this.shelves.save({ conversation: Math.max(conversation, complete), knowledge: Math.max(knowledge, complete) });
    this.dirty = unfinished.length > 0 || waiting !== undefined;
    return true;
  }
}
