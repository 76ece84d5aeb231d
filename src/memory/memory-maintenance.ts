import type { Store } from "../store/index.js";
import type { Embedder } from "./embedder.js";
import type { EmbeddingCensus } from "./embedding-model-changed-error.js";
import { toBlob } from "./memory-rows.js";
import type { ProgressFactory } from "./progress-bar.js";
import type { Shelf } from "./shelf-index.js";

/** Which conversation memories to forget; every field given must match. Knowledge is never selected. */
export interface ForgetSelection {
  userId?: string;
  room?: string;
  /** Created before this time (ms since the epoch). */
  before?: number;
}

const REEMBED_BATCH = 256;

/** The ids of an agent's conversation memories that match `selection`. */
export function selectMemoryIds(db: Store, agent: string, selection: ForgetSelection): number[] {
  const conditions = ["agent = @agent", "kind != 'knowledge'"];
  if (selection.userId !== undefined) conditions.push("user_id = @userId");
  if (selection.room !== undefined) conditions.push("room = @room");
  if (selection.before !== undefined) conditions.push("created_at < @before");
  const rows = db
    .prepare<[Record<string, unknown>], { id: number }>(`SELECT id FROM memories WHERE ${conditions.join(" AND ")}`)
    .all({ agent, userId: selection.userId, room: selection.room, before: selection.before });
  return rows.map((row) => row.id);
}

/** How many of an agent's memories were embedded with another model or dimension than `embedder`'s. */
export function otherEmbeddings(db: Store, agent: string, embedder: Embedder): EmbeddingCensus[] {
  return db
    .prepare<[string, string, number], EmbeddingCensus>(
      `SELECT model, dimensions, COUNT(*) AS count FROM memories
       WHERE agent = ? AND embedding IS NOT NULL AND (model != ? OR dimensions != ?)
       GROUP BY model, dimensions ORDER BY count DESC`,
    )
    .all(agent, embedder.model, embedder.dimensions);
}

/**
 * Re-embeds, in batches, every memory of `agent` embedded with another model
 * or dimension than `embedder`'s. Each batch is written in one transaction, so
 * an interrupted run resumes where it stopped. Returns how many were re-embedded.
 */
export async function reembedMemories(
  db: Store,
  agent: string,
  embedder: Embedder,
  progress?: ProgressFactory,
): Promise<number> {
  const total = otherEmbeddings(db, agent, embedder).reduce((sum, group) => sum + group.count, 0);
  if (total === 0) return 0;
  const next = db.prepare<[string, number, string, number], { id: number; text: string }>(
    `SELECT id, text FROM memories
     WHERE agent = ? AND id > ? AND embedding IS NOT NULL AND (model != ? OR dimensions != ?)
     ORDER BY id LIMIT ${REEMBED_BATCH}`,
  );
  const update = db.prepare<[Buffer, string, number, number]>(
    "UPDATE memories SET embedding = ?, model = ?, dimensions = ? WHERE id = ?",
  );
  const bar = progress?.("Re-embedding memories", total);
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = next.all(agent, after, embedder.model, embedder.dimensions);
    if (batch.length === 0) break;
    const vectors = await embedder.embed(batch.map((row) => row.text));
    db.transaction(() => {
      batch.forEach((row, i) => {
        update.run(toBlob(vectors[i] as Float32Array), embedder.model, embedder.dimensions, row.id);
      });
    })();
    done += batch.length;
    after = (batch.at(-1) as { id: number }).id;
    bar?.update(done);
  }
  bar?.finish();
  return done;
}

/** How many of an agent's vectors lie beyond what each saved index holds (what a start must add). */
export function countUnindexed(
  db: Store,
  agent: string,
  embedder: Embedder,
  indexedThrough: { conversation: number; knowledge: number },
): number {
  const row = db
    .prepare<[string, string, number, number, number], { count: number }>(
      `SELECT COUNT(*) AS count FROM memories WHERE agent = ? AND model = ? AND dimensions = ?
         AND ((kind != 'knowledge' AND id > ?) OR (kind = 'knowledge' AND id > ?))`,
    )
    .get(agent, embedder.model, embedder.dimensions, indexedThrough.conversation, indexedThrough.knowledge);
  return row?.count ?? 0;
}

/** The vectors of an agent's memories on one shelf, oldest first: what an index that starts late is built from. */
export function shelfVectors(
  db: Store,
  agent: string,
  embedder: Embedder,
  shelf: Shelf,
): IterableIterator<{ id: number; embedding: Buffer }> {
  const kinds = shelf === "knowledge" ? "kind = 'knowledge'" : "kind != 'knowledge'";
  return db
    .prepare<[string, string, number], { id: number; embedding: Buffer }>(
      `SELECT id, embedding FROM memories WHERE agent = ? AND model = ? AND dimensions = ? AND ${kinds} ORDER BY id`,
    )
    .iterate(agent, embedder.model, embedder.dimensions);
}
