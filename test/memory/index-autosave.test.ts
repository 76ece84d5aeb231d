import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, type Embedder, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const offline = new OfflineEmbeddings();
const embedder = createEmbedder(offline, { model: "offline-test", dimensions: 384 });
const TOPICS = ["sailing", "violin", "sourdough", "chess", "orchids", "marathons", "pottery", "astronomy"];
const QUERIES = ["who bakes sourdough", "telescope astronomy night", "violin lessons", "orchids on the window"];
const NOW = 10_000_000;

function addNotes(memory: LongTermMemory, from: number, count: number): number[] {
  const ids: number[] = [];
  for (let i = from; i < from + count; i++) {
    const text = `user${i % 7} talked about ${TOPICS[i % TOPICS.length]} on day ${i}`;
    ids.push(memory.add({ kind: "message", text, room: "r", createdAt: NOW }));
  }
  return ids;
}

function recallAll(memory: LongTermMemory): Promise<number[][]> {
  return Promise.all(QUERIES.map(async (query) => (await memory.recall(query, { k: 5, now: NOW })).map((m) => m.id)));
}

/** How many memories SQLite holds for the agent: the source of truth the index must agree with. */
function stored(db: Store, agent: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM memories WHERE agent = ?").get(agent) as { n: number }).n;
}

describe("vector index saves while running", () => {
  const tempDir = useTempDir();

  function place(chosen: Embedder = embedder) {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const open = (background = true) => {
      const db = openTroupeStore({ dataDir });
      // `exactUpTo: 0`: an index from the first memory, so the few of a test make index files to save.
      const memory = new LongTermMemory({ db, agent: "Juno", embedder: chosen, indexDir, exactUpTo: 0 });
      memory.open({ background });
      return { db, memory };
    };
    return { open };
  }

  it("after a crash, adds back only what came after the last save, in the background, and recalls as before", async () => {
    const { open } = place();
    const first = open();
    addNotes(first.memory, 0, 300);
    expect(first.memory.saveIndexes()).toBe(true);
    addNotes(first.memory, 300, 40);
    await first.memory.flush();
    const expected = await recallAll(first.memory);
    // A crash: no clean stop, so the index file is the one from the save above.
    first.db.close();

    const second = open();
    expect(second.memory.indexStatus).toEqual({ rebuilding: true, missing: 40, added: 0 });
    await second.memory.whenIndexed();
    expect(second.memory.indexStatus).toEqual({ rebuilding: false, missing: 40, added: 40 });
    expect(second.memory.counts).toEqual({ memories: 340, indexed: 340 });
    expect(stored(second.db, "Juno")).toBe(340);
    expect(await recallAll(second.memory)).toEqual(expected);
    second.db.close();
  });

  it("writes nothing when nothing changed since the last save", () => {
    const { open } = place();
    const { db, memory } = open();
    addNotes(memory, 0, 10);
    expect(memory.saveIndexes()).toBe(true);
    expect(memory.saveIndexes()).toBe(false);
    addNotes(memory, 10, 1);
    expect(memory.saveIndexes()).toBe(true);
    db.close();
  });

  it("never records as indexed a memory whose vector was still on its way to a remote embedder", async () => {
    let held: Promise<void> | undefined;
    let release: () => void = () => {};
    const slow: Embedder = {
      model: "remote-test",
      dimensions: 384,
      embed: async (texts) => {
        await held;
        return texts.map((text) => offline.embedSync(text));
      },
    };
    const { open } = place(slow);
    const first = open();
    const id = first.memory.add({ kind: "fact", text: "Juno's sister lives in Lisbon", room: "r" });
    held = new Promise((resolve) => {
      release = resolve;
    });
    const flushing = first.memory.flush();
    // Saved while the embedder holds the memory; then the vector arrives and is stored, and the process dies.
    first.memory.saveIndexes();
    release();
    held = undefined;
    await flushing;
    first.db.close();

    const second = open();
    await second.memory.whenIndexed();
    expect(second.memory.counts).toEqual({ memories: 1, indexed: 1 });
    expect((await second.memory.recall("where does the sister live", { k: 1 })).map((m) => m.id)).toEqual([id]);
    second.db.close();
  });

  it("serves recall while the rebuild runs, and stops it at a clean stop so the next start carries on", async () => {
    const { open } = place();
    const first = open();
    const ids = addNotes(first.memory, 0, 2_000);
    first.db.close();

    const second = open();
    expect(second.memory.indexStatus.rebuilding).toBe(true);
    // Recall answers before the index is complete (keywords find what vectors do not yet).
    const found = await second.memory.recall("what about day 1234", { k: 3, now: NOW });
    expect(found.map((memory) => memory.id)).toContain(ids[1234]);
    await second.memory.save();
    second.db.close();

    const third = open();
    await third.memory.whenIndexed();
    expect(third.memory.counts).toEqual({ memories: 2_000, indexed: 2_000 });
    third.db.close();
  });
});
