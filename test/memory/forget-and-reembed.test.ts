import { describe, expect, it } from "vitest";
import { createEmbedder, type Embedder, EmbeddingModelChangedError, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const DAY = 86_400_000;
const NOW = 1_700_000_000_000;
const oldModel = createEmbedder(new OfflineEmbeddings(), { model: "offline-old", dimensions: 384 });
const small = new OfflineEmbeddings({ dimensions: 128 });
const newModel = createEmbedder(small, { model: "offline-new", dimensions: 128 });

function seed(db: Store, embedder: Embedder, indexDir: string): LongTermMemory {
  const memory = new LongTermMemory({ db, agent: "Juno", embedder, indexDir });
  memory.open();
  memory.add({
    kind: "message",
    text: "Alice: my cat Miso sleeps on the piano",
    room: "dm-alice",
    userId: "alice",
    createdAt: NOW - 100 * DAY,
  });
  memory.add({ kind: "fact", text: "Alice lives in Lima", room: "dm-alice", userId: "alice", createdAt: NOW - DAY });
  memory.add({
    kind: "message",
    text: "Bob: my cat chews the piano cables",
    room: "group",
    userId: "bob",
    createdAt: NOW - 100 * DAY,
  });
  memory.add({
    kind: "message",
    text: "Bob: the piano tuner comes on Friday",
    room: "group",
    userId: "bob",
    createdAt: NOW - DAY,
  });
  memory.add({
    kind: "knowledge",
    text: "Pianos need tuning twice a year",
    source: "guide",
    createdAt: NOW - 400 * DAY,
  });
  return memory;
}

function count(db: Store, where = "1"): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM memories WHERE ${where}`).get() as { n: number }).n;
}

function ftsCount(db: Store, word: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM memories_fts WHERE memories_fts MATCH ?").get(word) as { n: number }).n;
}

describe("forget", () => {
  const tempDir = useTempDir();

  it("forgets a user's memories from SQLite, the keyword index and the vector index, across a restart", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = seed(db, oldModel, `${dataDir}/index`);
    expect(memory.forgetWhere({ userId: "alice" })).toBe(2);
    await memory.save();
    expect(count(db, "user_id = 'alice'")).toBe(0);
    expect(ftsCount(db, "Miso")).toBe(0);
    db.close();

    const reopened = openTroupeStore({ dataDir });
    const again = new LongTermMemory({ db: reopened, agent: "Juno", embedder: oldModel, indexDir: `${dataDir}/index` });
    again.open();
    const recalled = await again.recall("cat Miso piano Lima", { k: 10, kinds: ["message", "fact"] });
    expect(recalled.map((item) => item.userId)).toEqual(["bob", "bob"]);
    reopened.close();
  });

  it("forgets by room, by age and by both, and never forgets knowledge", () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const memory = seed(db, oldModel, `${dataDir}/index`);
    expect(memory.forgetWhere({ before: NOW - 90 * DAY })).toBe(2);
    expect(db.prepare("SELECT text FROM memories ORDER BY id").pluck().all()).toEqual([
      "Alice lives in Lima",
      "Bob: the piano tuner comes on Friday",
      "Pianos need tuning twice a year",
    ]);
    expect(memory.forgetWhere({ room: "group", userId: "alice" })).toBe(0);
    expect(memory.forgetWhere({ room: "group" })).toBe(1);
    expect(count(db, "kind = 'knowledge'")).toBe(1);
    db.close();
  });
});

describe("an embedding model change", () => {
  const tempDir = useTempDir();

  it("refuses to open with a message naming the counts, models and the reembed command", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    await seed(db, oldModel, `${dataDir}/index`).save();
    const changed = new LongTermMemory({ db, agent: "Juno", embedder: newModel, indexDir: `${dataDir}/index` });
    let error: unknown;
    try {
      changed.open();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmbeddingModelChangedError);
    expect((error as Error).message).toContain("5 with offline-old (384 dimensions)");
    expect((error as Error).message).toContain("offline-new (128 dimensions)");
    expect((error as Error).message).toContain('troupe memory "Juno" reembed');
    expect(count(db)).toBe(5);
    db.close();
  });

  it("re-embeds every memory in batches with progress, after which recall works with the new model", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    await seed(db, oldModel, `${dataDir}/index`).save();
    const changed = new LongTermMemory({ db, agent: "Juno", embedder: newModel, indexDir: `${dataDir}/index` });
    const updates: number[] = [];
    const done = await changed.reembed((_label, total) => ({
      update: (value) => updates.push(value / total),
      finish: () => updates.push(-1),
    }));
    expect(done).toBe(5);
    expect(updates.at(-2)).toBe(1);
    expect(updates.at(-1)).toBe(-1);
    changed.open();
    expect(count(db, "model = 'offline-new' AND dimensions = 128 AND length(embedding) = 512")).toBe(5);
    const [first] = await changed.recall("where does Alice live", { k: 1, kinds: ["fact"] });
    expect(first?.text).toBe("Alice lives in Lima");
    expect(await changed.reembed()).toBe(0);
    db.close();
  });
});
