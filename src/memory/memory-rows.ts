import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import type { MemoryEntry, MemoryKind, MemoryRecord, NewMemory } from "./memory-record.js";

/** A memory row as SQLite returns it. */
export interface MemoryRow {
  id: number;
  kind: MemoryKind;
  text: string;
  room: string | null;
  user_id: string | null;
  importance: number;
  source: string | null;
  source_message_id: number | null;
  metadata: string | null;
  created_at: number;
  accessed_at: number;
}

/** What a `MemoryEntry` leaves in SQLite. */
export type MemoryDetails = Pick<MemoryRecord, "text" | "source" | "metadata">;

export interface SavedIndex {
  model: string;
  dimensions: number;
  indexed_through: number;
  file_size: number;
}

/** The prepared statements of one agent's long-term memory. */
export interface MemoryStatements {
  insert: Statement<[Record<string, unknown>]>;
  unembedded: Statement<[string], MemoryRow>;
  details: Statement<[number], Pick<MemoryRow, "text" | "source" | "metadata">>;
  /** `details` of several memories in one statement: the ids as a JSON array. */
  manyDetails: Statement<[string], Pick<MemoryRow, "id" | "text" | "source" | "metadata">>;
  setEmbedding: Statement<[Buffer, string, number, number]>;
  touch: Statement<[number, number]>;
  vectors: Statement<[string, string, number], MemoryRow & { embedding: Buffer }>;
  savedIndex: Statement<[string], SavedIndex>;
  saveIndex: Statement<[string, string, number, number, number]>;
  maxId: Statement<[string], { id: number }>;
  delete: Statement<[string, number]>;
  bySource: Statement<[string, string], { id: number; source: string }>;
}

export function prepareMemoryStatements(db: Store): MemoryStatements {
  return {
    insert: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO memories (agent, kind, room, user_id, text, importance, source_message_id, source, metadata,
         created_at, accessed_at, embedding, model, dimensions)
       VALUES (@agent, @kind, @room, @userId, @text, @importance, @sourceMessageId, @source, @metadata,
         @createdAt, @createdAt, @embedding, @model, @dimensions)`,
    ),
    unembedded: db.prepare<[string], MemoryRow>(
      `SELECT id, kind, text, room, user_id, importance, source, source_message_id, metadata, created_at, accessed_at
       FROM memories WHERE agent = ? AND embedding IS NULL ORDER BY id`,
    ),
    details: db.prepare<[number], Pick<MemoryRow, "text" | "source" | "metadata">>(
      "SELECT text, source, metadata FROM memories WHERE id = ?",
    ),
    manyDetails: db.prepare<[string], Pick<MemoryRow, "id" | "text" | "source" | "metadata">>(
      "SELECT id, text, source, metadata FROM memories WHERE id IN (SELECT value FROM json_each(?))",
    ),
    setEmbedding: db.prepare<[Buffer, string, number, number]>(
      "UPDATE memories SET embedding = ?, model = ?, dimensions = ? WHERE id = ?",
    ),
    touch: db.prepare<[number, number]>("UPDATE memories SET accessed_at = ? WHERE id = ?"),
    vectors: db.prepare<[string, string, number], MemoryRow & { embedding: Buffer }>(
      `SELECT id, kind, text, room, user_id, importance, source, source_message_id, metadata, created_at, accessed_at,
         embedding
       FROM memories WHERE agent = ? AND model = ? AND dimensions = ? ORDER BY id`,
    ),
    savedIndex: db.prepare<[string], SavedIndex>("SELECT * FROM vector_indexes WHERE name = ?"),
    saveIndex: db.prepare<[string, string, number, number, number]>(
      `INSERT INTO vector_indexes (name, model, dimensions, indexed_through, file_size) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET model = excluded.model, dimensions = excluded.dimensions,
         indexed_through = excluded.indexed_through, file_size = excluded.file_size`,
    ),
    maxId: db.prepare<[string], { id: number }>("SELECT COALESCE(MAX(id), 0) AS id FROM memories WHERE agent = ?"),
    delete: db.prepare<[string, number]>("DELETE FROM memories WHERE agent = ? AND id = ?"),
    bySource: db.prepare<[string, string], { id: number; source: string }>(
      "SELECT id, source FROM memories WHERE agent = ? AND kind = ? AND source IS NOT NULL",
    ),
  };
}

/** The insert parameters for a new memory, with its vector when it is already known. */
export function insertParameters(
  agent: string,
  memory: NewMemory,
  createdAt: number,
  embedding?: { vector: Float32Array; model: string; dimensions: number },
): Record<string, unknown> {
  return {
    embedding: embedding ? toBlob(embedding.vector) : null,
    model: embedding?.model ?? null,
    dimensions: embedding?.dimensions ?? null,
    agent,
    kind: memory.kind,
    room: memory.room ?? null,
    userId: memory.userId ?? null,
    text: memory.text,
    importance: memory.importance ?? 0.5,
    sourceMessageId: memory.sourceMessageId ?? null,
    source: memory.source ?? null,
    metadata: memory.metadata ? JSON.stringify(memory.metadata) : null,
    createdAt,
  };
}

export function toEntry(row: MemoryRow): MemoryEntry {
  return {
    id: row.id,
    kind: row.kind,
    room: row.room,
    userId: row.user_id,
    importance: row.importance,
    sourceMessageId: row.source_message_id,
    createdAt: row.created_at,
    accessedAt: row.accessed_at,
  };
}

/** The text, source and metadata of a memory, as `details` reads them; undefined when the row is gone. */
export function toDetails(row: Pick<MemoryRow, "text" | "source" | "metadata"> | undefined): MemoryDetails | undefined {
  if (!row) return undefined;
  const metadata = row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : null;
  return { text: row.text, source: row.source, metadata };
}

/**
 * A stored memory whole: what the catalogue keeps of it and what SQLite
 * holds (`text` empty when the row is gone), written out field by field: a
 * spread of the two made an object several times as large.
 */
export function toRecord(entry: MemoryEntry, details: MemoryDetails | undefined): MemoryRecord {
  return {
    id: entry.id,
    kind: entry.kind,
    room: entry.room,
    userId: entry.userId,
    importance: entry.importance,
    sourceMessageId: entry.sourceMessageId,
    createdAt: entry.createdAt,
    accessedAt: entry.accessedAt,
    text: details?.text ?? "",
    source: details?.source ?? null,
    metadata: details?.metadata ?? null,
  };
}

export function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

export function toVector(blob: Buffer): Float32Array {
  // Copy: the Buffer may not be 4-byte aligned.
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
