import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, type Embedder, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });
/** Like a remote model: no synchronous path, so rows are stored first and embedded in a later batch. */
const remoteEmbedder: Embedder = {
  model: "offline-test",
  dimensions: 384,
  embed: async (texts) => embedder.embed(texts),
};

const LINES = [
  "Alice: I adopted a grey cat called Miso last week",
  "Alice: the weather in Oslo has been rainy all month",
  "Alice: my sister plays the cello in an orchestra",
  "Alice: I am training for a marathon in the spring",
  "Bob: my cat knocked the plant off the windowsill",
];

/** `exactUpTo: 0` gives the memory its hnswlib index from the first vector, so there is an index file to test. */
function fill(db: Store, indexDir: string, exactUpTo?: number): LongTermMemory {
  const memory = new LongTermMemory({ db, agent: "Juno", embedder, indexDir, exactUpTo });
  memory.open();
  LINES.forEach((text, i) => {
    const userId = text.startsWith("Bob") ? "bob" : "alice";
    memory.add({ kind: "message", text, room: `room-${userId}`, userId, createdAt: 1_000 + i });
  });
  return memory;
}

describe("LongTermMemory", () => {
  const tempDir = useTempDir();

  it("recalls the most similar memory first, within the user's scope", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = fill(db, join(dataDir, "index"));
    const recalled = await memory.recall("what is the name of my cat?", { k: 2, room: "room-alice", userId: "alice" });
    expect(recalled[0]?.text).toContain("Miso");
    expect(recalled.every((item) => item.userId === "alice")).toBe(true);
    db.close();
  });

  it("loads the saved index after a restart and rebuilds it when the file is gone or damaged", async () => {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const db = openTroupeStore({ dataDir });
    const memory = fill(db, indexDir, 0);
    const before = await memory.recall("marathon training", { k: 3 });
    await memory.save();
    db.close();

    for (const damage of [
      () => undefined,
      () => rmSync(join(indexDir, "Juno.conversation.hnsw")),
      () => writeFileSync(join(indexDir, "Juno.conversation.hnsw"), "junk"),
    ]) {
      damage();
      const reopened = openTroupeStore({ dataDir });
      const again = new LongTermMemory({ db: reopened, agent: "Juno", embedder, indexDir, exactUpTo: 0 });
      again.open();
      const after = await again.recall("marathon training", { k: 3 });
      expect(after.map((item) => item.id)).toEqual(before.map((item) => item.id));
      await again.save();
      reopened.close();
    }
  });

  it("embeds at the next start what was stored but never embedded (a crash before the flush)", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = new LongTermMemory({ db, agent: "Juno", embedder: remoteEmbedder });
    memory.open();
    memory.add({ kind: "message", text: "Alice: I keep bees on my roof", userId: "alice" });
    expect(memory.backlog).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM memories WHERE embedding IS NULL").get()).toEqual({ n: 1 });
    db.close(); // no flush: the process died here

    const reopened = openTroupeStore({ dataDir });
    const again = new LongTermMemory({ db: reopened, agent: "Juno", embedder: remoteEmbedder });
    again.open();
    const recalled = await again.recall("bees", { k: 1 });
    expect(recalled[0]?.text).toContain("bees");
    reopened.close();
  });

  it("forgets from both SQLite and the index", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = fill(db, join(dataDir, "index"));
    const [cat] = await memory.recall("cat called Miso", { k: 1 });
    memory.forget([cat?.id as number]);
    const after = await memory.recall("cat called Miso", { k: 5 });
    expect(after.some((item) => item.text.includes("Miso"))).toBe(false);
    expect(db.prepare("SELECT COUNT(*) AS n FROM memories WHERE text LIKE '%Miso%'").get()).toEqual({ n: 0 });
    db.close();
  });

  it("gives a memory stored after one was forgotten its own room, user and vector, not the forgotten one's", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = fill(db, join(dataDir, "index"));
    const [cat] = await memory.recall("cat called Miso", { k: 1, room: "room-alice" });
    memory.forget([cat?.id as number]);
    memory.add({ kind: "message", text: "Carol: my parrot sings opera", room: "room-carol", userId: "carol" });
    const inAlicesRoom = await memory.recall("parrot singing opera", { k: 5, room: "room-alice", userId: "alice" });
    expect(inAlicesRoom.map((item) => item.text)).not.toContain("Carol: my parrot sings opera");
    const [parrot] = await memory.recall("parrot singing opera", { k: 1, room: "room-carol" });
    expect(parrot).toMatchObject({ text: "Carol: my parrot sings opera", room: "room-carol", userId: "carol" });
    expect(parrot?.relevance).toBeGreaterThan(0.5);
    expect(memory.counts).toEqual({ memories: LINES.length, indexed: LINES.length });
    db.close();
  });
});
