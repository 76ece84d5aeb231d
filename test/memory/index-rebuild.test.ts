import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, LongTermMemory, type ProgressFactory, VectorIndex } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });
const TOPICS = ["sailing", "violin", "sourdough", "chess", "orchids", "marathons", "pottery", "astronomy"];
const QUERIES = ["who bakes sourdough", "telescope astronomy night", "violin lessons", "orchids on the window"];

type Damage = (file: string) => void;

const DAMAGES: [string, Damage][] = [
  ["deleted", (file) => rmSync(file)],
  ["truncated", (file) => writeFileSync(file, readFileSync(file).subarray(0, 1000))],
  [
    "written for another dimension",
    (file) => {
      const other = VectorIndex.create({ dimensions: 64 });
      other.add(1, new Float32Array(64).fill(0.125));
      other.save(file);
    },
  ],
];

describe("the vector index file, when damaged", () => {
  const tempDir = useTempDir();

  // `exactUpTo: 0`: every memory goes into an index from the first one, so the few of a test make an index file.
  /** A fresh data folder and its store, where `open` opens an agent's long-term memory with its index files. */
  function freshStore() {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const db = openTroupeStore({ dataDir });
    const open = (agent: string, progress?: ProgressFactory) => {
      const memory = new LongTermMemory({ db, agent, embedder, indexDir, progress, exactUpTo: 0 });
      memory.open();
      return memory;
    };
    return { db, open };
  }

  for (const [name, damage] of DAMAGES) {
    it(`is rebuilt from SQLite when ${name}, and recall returns the same results as before`, async () => {
      const dataDir = tempDir();
      const indexDir = join(dataDir, "index");
      const db = openTroupeStore({ dataDir });
      const memory = new LongTermMemory({ db, agent: "Juno", embedder, indexDir, exactUpTo: 0 });
      memory.open();
      // Created "now", so that recall touching a memory does not change its recency between the two runs.
      const now = 10_000_000;
      for (let i = 0; i < 300; i++) {
        const topic = TOPICS[i % TOPICS.length] as string;
        memory.add({
          kind: "message",
          text: `user${i % 7} talked about ${topic} on day ${i}`,
          room: "r",
          createdAt: now,
        });
      }
      const before = await Promise.all(QUERIES.map((query) => memory.recall(query, { k: 5, now })));
      await memory.save();
      db.close();

      damage(join(indexDir, "Juno.conversation.hnsw"));
      const reopened = openTroupeStore({ dataDir });
      const again = new LongTermMemory({ db: reopened, agent: "Juno", embedder, indexDir, exactUpTo: 0 });
      again.open();
      const after = await Promise.all(QUERIES.map((query) => again.recall(query, { k: 5, now })));
      expect(after.map((list) => list.map((item) => item.id))).toEqual(
        before.map((list) => list.map((item) => item.id)),
      );
      reopened.close();
    });
  }

  it("grows an index that was saved empty: an agent nobody talked to remembers its first conversation", async () => {
    const { db, open } = freshStore();
    await open("Wren").save();

    const next = open("Wren");
    const id = next.add({ kind: "message", text: "my favourite book is Dune", room: "r" });
    await next.save();
    expect((await next.recall("favourite book", { k: 1 })).map((memory) => memory.id)).toEqual([id]);
    db.close();
  });

  it("shows rebuild progress when thousands of vectors are added at start, and none for a saved index", async () => {
    const { db, open } = freshStore();
    const seeded = open("Juno");
    for (let i = 0; i < 2_500; i++)
      seeded.add({ kind: "message", text: `note ${i} about ${TOPICS[i % 8]}`, room: "r" });
    const bars: { label: string; total: number; last: number; finished: boolean }[] = [];
    const progress: ProgressFactory = (label, total) => {
      const bar = { label, total, last: 0, finished: false };
      bars.push(bar);
      return {
        update: (done) => {
          bar.last = done;
        },
        finish: () => {
          bar.finished = true;
        },
      };
    };
    // No index file was ever saved: everything is added at start.
    open("Juno", progress);
    expect(bars).toEqual([{ label: "Indexing Juno's memories", total: 2_500, last: 2_500, finished: true }]);

    await seeded.save();
    open("Juno", progress);
    expect(bars).toHaveLength(1);
    db.close();
  });
});
