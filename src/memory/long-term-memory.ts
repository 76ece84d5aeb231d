import { join } from "node:path";
import type { Store } from "../store/index.js";
import type { Embedder } from "./embedder.js";
import type { MemoryKind, MemoryRecord, NewMemory, RecalledMemory } from "./memory-record.js";
import { memoryScore, recencyScore } from "./scoring.js";
import { VectorIndex } from "./vector-index.js";

export interface LongTermMemoryOptions {
  db: Store;
  agent: string;
  embedder: Embedder;
  /** Folder for the index file; default: no file (the index lives in memory and is rebuilt at each start). */
  indexDir?: string;
}

export interface RecallOptions {
  k: number;
  kinds?: MemoryKind[];
  /** Only memories of this room or this user (either matches); knowledge is never scoped. */
  room?: string;
  userId?: string;
  /** Leave these memory ids out (e.g. turns already in the short-term window). */
  excludeSourceMessageIds?: Set<number>;
  now?: number;
}

interface Scope {
  kind: MemoryKind;
  room: string | null;
  userId: string | null;
  sourceMessageId: number | null;
}

interface Row {
  id: number;
  kind: MemoryKind;
  text: string;
  room: string | null;
  user_id: string | null;
  importance: number;
  source: string | null;
  source_message_id: number | null;
  created_at: number;
  accessed_at: number;
}

/**
 * Long-term memory of one agent: rows in SQLite (the source of truth) and an
 * hnswlib index of their vectors. `add` writes the row at once; embedding and
 * indexing happen in batches (`flush`), so a crash never loses a memory: rows
 * still without a vector are embedded at the next start.
 */
export class LongTermMemory {
  private readonly db: Store;
  private readonly agent: string;
  private readonly embedder: Embedder;
  private readonly indexFile: string | undefined;
  private index: VectorIndex;
  private readonly scopes = new Map<number, Scope>();
  private pending: number[] = [];
  private flushing: Promise<void> | undefined;
  private readonly statements;

  constructor(options: LongTermMemoryOptions) {
    this.db = options.db;
    this.agent = options.agent;
    this.embedder = options.embedder;
    this.indexFile = options.indexDir ? join(options.indexDir, `${encodeURIComponent(options.agent)}.hnsw`) : undefined;
    this.index = VectorIndex.create({ dimensions: this.embedder.dimensions });
    const db = this.db;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO memories (agent, kind, room, user_id, text, importance, source_message_id, source, created_at, accessed_at)
         VALUES (@agent, @kind, @room, @userId, @text, @importance, @sourceMessageId, @source, @createdAt, @createdAt)`,
      ),
      unembedded: db.prepare(
        "SELECT id, kind, room, user_id, source_message_id FROM memories WHERE agent = ? AND embedding IS NULL ORDER BY id",
      ),
      texts: db.prepare("SELECT id, text FROM memories WHERE id IN (SELECT value FROM json_each(?))"),
      setEmbedding: db.prepare("UPDATE memories SET embedding = ?, model = ?, dimensions = ? WHERE id = ?"),
      rows: db.prepare("SELECT * FROM memories WHERE id IN (SELECT value FROM json_each(?))"),
      touch: db.prepare("UPDATE memories SET accessed_at = ? WHERE id IN (SELECT value FROM json_each(?))"),
      vectorsAfter: db.prepare(
        `SELECT id, kind, room, user_id, source_message_id, embedding FROM memories
         WHERE agent = ? AND id > ? AND model = ? AND dimensions = ? ORDER BY id`,
      ),
      savedIndex: db.prepare("SELECT * FROM vector_indexes WHERE agent = ?"),
      saveIndex: db.prepare(
        `INSERT INTO vector_indexes (agent, model, dimensions, indexed_through, file_size) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (agent) DO UPDATE SET model = excluded.model, dimensions = excluded.dimensions,
           indexed_through = excluded.indexed_through, file_size = excluded.file_size`,
      ),
      maxId: db.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM memories WHERE agent = ?"),
      delete: db.prepare("DELETE FROM memories WHERE agent = ? AND id = ?"),
      bySource: db.prepare("SELECT id, source FROM memories WHERE agent = ? AND kind = ? AND source IS NOT NULL"),
    };
  }

  /** Loads the saved index (or rebuilds it from SQLite) and queues rows that were never embedded. */
  open(): void {
    const saved = this.statements.savedIndex.get(this.agent) as
      | { model: string; dimensions: number; indexed_through: number; file_size: number }
      | undefined;
    let indexedThrough = 0;
    const options = { dimensions: this.embedder.dimensions };
    if (saved && this.indexFile && saved.model === this.embedder.model && saved.dimensions === options.dimensions) {
      const loaded = VectorIndex.load(this.indexFile, saved.file_size, options);
      if (loaded) {
        this.index = loaded;
        indexedThrough = saved.indexed_through;
      }
    }
    for (const row of this.statements.vectorsAfter.iterate(
      this.agent,
      0,
      this.embedder.model,
      this.embedder.dimensions,
    ) as Iterable<Row & { embedding: Buffer }>) {
      this.scopes.set(row.id, toScope(row));
      if (row.id > indexedThrough) this.index.add(row.id, toVector(row.embedding));
    }
    const unembedded = this.statements.unembedded.all(this.agent) as Row[];
    for (const row of unembedded) this.scopes.set(row.id, toScope(row));
    this.pending = unembedded.map((row) => row.id);
  }

  /** Stores a memory now; its vector follows at the next `flush`. Returns its id. */
  add(memory: NewMemory): number {
    const createdAt = memory.createdAt ?? Date.now();
    const result = this.statements.insert.run({
      agent: this.agent,
      kind: memory.kind,
      room: memory.room ?? null,
      userId: memory.userId ?? null,
      text: memory.text,
      importance: memory.importance ?? 0.5,
      sourceMessageId: memory.sourceMessageId ?? null,
      source: memory.source ?? null,
      createdAt,
    });
    const id = Number(result.lastInsertRowid);
    this.scopes.set(id, {
      kind: memory.kind,
      room: memory.room ?? null,
      userId: memory.userId ?? null,
      sourceMessageId: memory.sourceMessageId ?? null,
    });
    this.pending.push(id);
    return id;
  }

  /** Number of memories waiting for a vector. */
  get backlog(): number {
    return this.pending.length;
  }

  /** Embeds and indexes every pending memory. Safe to call concurrently: callers share one run. */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.flushing ?? Promise.resolve();
    this.flushing ??= this.embedPending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async embedPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 256);
      const rows = this.statements.texts.all(JSON.stringify(batch)) as { id: number; text: string }[];
      const vectors = await this.embedder.embed(rows.map((row) => row.text));
      this.db.transaction(() => {
        rows.forEach((row, i) => {
          const vector = vectors[i] as Float32Array;
          this.statements.setEmbedding.run(toBlob(vector), this.embedder.model, this.embedder.dimensions, row.id);
        });
      })();
      rows.forEach((row, i) => {
        this.index.add(row.id, vectors[i] as Float32Array);
      });
    }
  }

  /** The k memories that best match `query`, ranked by relevance, recency and importance. */
  async recall(query: string, options: RecallOptions): Promise<RecalledMemory[]> {
    await this.flush();
    if (options.k <= 0 || this.index.size === 0) return [];
    const [vector] = await this.embedder.embed([query]);
    const filter = (label: number) => this.isInScope(label, options);
    const neighbours = this.index.search(vector as Float32Array, options.k * 4, filter);
    if (neighbours.length === 0) return [];
    const ids = neighbours.map((neighbour) => neighbour.label);
    const rows = new Map(
      (this.statements.rows.all(JSON.stringify(ids)) as Row[]).map((row) => [row.id, toRecord(row)] as const),
    );
    const now = options.now ?? Date.now();
    const recalled: RecalledMemory[] = [];
    for (const { label, similarity } of neighbours) {
      const record = rows.get(label);
      if (!record) continue; // deleted since the index was saved
      const relevance = Math.max(0, similarity);
      const score = memoryScore({
        relevance,
        recency: recencyScore(record.accessedAt, now),
        importance: record.importance,
      });
      recalled.push({ ...record, relevance, score });
    }
    recalled.sort((a, b) => b.score - a.score);
    const top = recalled.slice(0, options.k);
    this.statements.touch.run(now, JSON.stringify(top.map((memory) => memory.id)));
    return top;
  }

  private isInScope(label: number, options: RecallOptions): boolean {
    const scope = this.scopes.get(label);
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
    for (const row of this.statements.bySource.all(this.agent, kind) as { id: number; source: string }[]) {
      const ids = sources.get(row.source) ?? [];
      ids.push(row.id);
      sources.set(row.source, ids);
    }
    return sources;
  }

  /** Deletes memories from SQLite and the index. */
  forget(ids: number[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.statements.delete.run(this.agent, id);
    })();
    for (const id of ids) {
      this.index.remove(id);
      this.scopes.delete(id);
    }
  }

  /** Writes the index file and records how far it goes, so the next start loads it instead of rebuilding. */
  async save(): Promise<void> {
    await this.flush();
    if (!this.indexFile) return;
    const indexedThrough = (this.statements.maxId.get(this.agent) as { id: number }).id;
    const size = this.index.save(this.indexFile);
    this.statements.saveIndex.run(this.agent, this.embedder.model, this.embedder.dimensions, indexedThrough, size);
  }
}

function toScope(row: Pick<Row, "kind" | "room" | "user_id" | "source_message_id">): Scope {
  return { kind: row.kind, room: row.room, userId: row.user_id, sourceMessageId: row.source_message_id };
}

function toRecord(row: Row): MemoryRecord {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    room: row.room,
    userId: row.user_id,
    importance: row.importance,
    source: row.source,
    sourceMessageId: row.source_message_id,
    createdAt: row.created_at,
    accessedAt: row.accessed_at,
  };
}

function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function toVector(blob: Buffer): Float32Array {
  // Copy: the Buffer may not be 4-byte aligned.
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
