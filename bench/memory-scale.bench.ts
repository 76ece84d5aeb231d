/**
 * Long-term memory at scale, one agent, offline 384-dimension embeddings:
 * batched ingest throughput, hybrid recall latency (k = 10) at 10k and 100k
 * memories, index rebuild time from SQLite at 100k, resident memory, and the
 * index's recall@10 against exact search on the same vectors.
 * Prints one JSON line. `MEMORY_SCALE=20000` runs a smaller version.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmbedder, LongTermMemory, VectorIndex } from "../src/memory/index.js";
import { OfflineEmbeddings } from "../src/offline/index.js";
import { openTroupeStore } from "../src/runtime/index.js";
import { cosineSimilarity } from "../src/text/index.js";
import { percentile } from "./bench-helpers.js";
import { zipfSentences } from "./zipf-text.js";

const TOTAL = Number(process.env.MEMORY_SCALE ?? 100_000);
const CHECKPOINTS = [10_000, TOTAL].filter((size, i, all) => size <= TOTAL && all.indexOf(size) === i);
const QUERIES = 200;

const sentence = zipfSentences(42);

const offline = new OfflineEmbeddings();
const embedder = createEmbedder(offline, { model: "troupe-offline-hash-v1", dimensions: 384 });
const dataDir = mkdtempSync(join(tmpdir(), "troupe-scale-"));
const indexDir = join(dataDir, "index");
const db = openTroupeStore({ dataDir });
const memory = new LongTermMemory({ db, agent: "bench", embedder, indexDir });
memory.open();
// Recall over every room, as this bench measures it, needs the index: asking once before any memory builds
// it as the shelf outgrows exact search and keeps it up to date (one that never asks has none, see LongTermMemory).
await memory.recall("anything", { k: 10 });

const result: Record<string, number | string> = { bench: "memory_scale", memories: TOTAL, dimensions: 384 };
let stored = 0;
let ingestMs = 0;
const queries = Array.from({ length: QUERIES }, sentence);
for (const checkpoint of CHECKPOINTS) {
  const started = performance.now();
  while (stored < checkpoint) {
    const batch = Math.min(1000, checkpoint - stored);
    db.transaction(() => {
      for (let i = 0; i < batch; i++)
        memory.add({ kind: "message", text: sentence(), room: `room-${stored % 50}`, userId: `user-${stored % 200}` });
    })();
    await memory.flush();
    stored += batch;
  }
  ingestMs += performance.now() - started;
  const latencies: number[] = [];
  for (const query of queries) {
    const asked = performance.now();
    await memory.recall(query, { k: 10 });
    latencies.push(performance.now() - asked);
  }
  const label = checkpoint >= 1000 ? `${checkpoint / 1000}k` : String(checkpoint);
  result[`recall_p50_ms_${label}`] = percentile(latencies, 50);
  result[`recall_p99_ms_${label}`] = percentile(latencies, 99);
}
result.ingest_per_s = Math.round((stored / ingestMs) * 1000);
// Resident memory of the agent's memory alone, before the exact-search check below copies every vector.
result.rss_mb = Math.round(process.memoryUsage().rss / 1048576);

// recall@10 of the hnsw index against exact cosine search over the same vectors.
const vectors = db.prepare("SELECT id, embedding FROM memories WHERE agent = 'bench'").all() as {
  id: number;
  embedding: Buffer;
}[];
const exactIndex = vectors.map((row) => ({
  id: row.id,
  vector: new Float32Array(
    row.embedding.buffer.slice(row.embedding.byteOffset, row.embedding.byteOffset + row.embedding.byteLength),
  ),
}));
const index = VectorIndex.create({ dimensions: 384 });
const built = performance.now();
for (const { id, vector } of exactIndex) index.add(id, vector);
const rebuildMs = performance.now() - built;
let overlap = 0;
for (const query of queries.slice(0, 100)) {
  const vector = offline.embedSync(query);
  const exact = exactIndex
    .map(({ id, vector: candidate }) => ({ id, similarity: cosineSimilarity(vector, candidate) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 10)
    .map((hit) => hit.id);
  const approximate = new Set(index.search(vector, 10).map((hit) => hit.label));
  overlap += exact.filter((id) => approximate.has(id)).length / 10;
}
result.index_recall_at_10 = Math.round((overlap / 100) * 1000) / 1000;
result.rebuild_ms = Math.round(rebuildMs);
db.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(result));
