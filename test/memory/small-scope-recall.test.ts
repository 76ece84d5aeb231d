import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });
const HOBBIES = ["sailing", "violin", "sourdough", "chess", "orchids", "marathons", "pottery", "astronomy"];

describe("recall in a small room or a small memory", () => {
  const tempDir = useTempDir();

  it("finds a newcomer's own memory among thousands of other rooms', and nothing for a room with none", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    // An index from the first memory, as in an agent that remembers a lot.
    const memory = new LongTermMemory({ db, agent: "Juno", embedder, exactUpTo: 0 });
    memory.open();
    db.transaction(() => {
      for (let i = 0; i < 1500; i++) {
        const hobby = HOBBIES[i % HOBBIES.length] as string;
        memory.add({
          kind: "message",
          text: `user${i}: I love ${hobby} and my cat`,
          room: `room-${i}`,
          userId: `u${i}`,
        });
      }
    })();
    memory.add({ kind: "message", text: "Newcomer: my cat is called Pixel", room: "new-room", userId: "newcomer" });
    memory.add({ kind: "message", text: "Newcomer: I work night shifts", room: "new-room", userId: "newcomer" });
    await memory.flush();

    const recalled = await memory.recall("what is my cat called", { k: 3, room: "new-room", userId: "newcomer" });
    expect(recalled[0]?.text).toBe("Newcomer: my cat is called Pixel");
    expect(recalled.every((item) => item.room === "new-room")).toBe(true);
    expect(await memory.recall("what is my cat called", { k: 3, room: "empty-room", userId: "nobody" })).toEqual([]);
    // The unscoped recall still searches everyone's memories.
    expect((await memory.recall("sourdough and my cat", { k: 3 })).length).toBe(3);
    db.close();
  });

  it("gives a large conversation shelf its index only once a recall without a room needs it, finding every memory meanwhile", async () => {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const file = join(indexDir, "Ivo.conversation.hnsw");
    const db = openTroupeStore({ dataDir });
    const memory = new LongTermMemory({ db, agent: "Ivo", embedder, indexDir, exactUpTo: 40 });
    memory.open();
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const hobby = HOBBIES[i % HOBBIES.length] as string;
        memory.add({
          kind: "message",
          text: `user${i}: I love ${hobby}`,
          room: `room-${i % 30}`,
          userId: `u${i % 30}`,
        });
      }
    })();
    // Recalls in rooms compare their few memories one by one: no index, no file.
    expect((await memory.recall("violin", { k: 2, room: "room-1", userId: "u1" }))[0]?.text).toContain("violin");
    await memory.save();
    expect(existsSync(file)).toBe(false);

    memory.add({ kind: "message", text: "user300: a telescope for astronomy night", room: "room-0", userId: "u0" });
    // The first recall over everyone's memories finds them one by one while the index is built between turns.
    expect((await memory.recall("telescope astronomy night", { k: 1 }))[0]?.text).toBe(
      "user300: a telescope for astronomy night",
    );
    memory.add({ kind: "message", text: "user301: sourdough starter named Bob", room: "room-1", userId: "u1" });
    expect((await memory.recall("sourdough starter named Bob", { k: 1 }))[0]?.text).toBe(
      "user301: sourdough starter named Bob",
    );
    await memory.whenIndexed();
    await memory.flush();
    expect(memory.counts).toEqual({ memories: 302, indexed: 302 });
    await memory.save();
    expect(existsSync(file)).toBe(true);
    db.close();

    const reopened = openTroupeStore({ dataDir });
    const again = new LongTermMemory({ db: reopened, agent: "Ivo", embedder, indexDir, exactUpTo: 40 });
    again.open();
    expect(again.counts).toEqual({ memories: 302, indexed: 302 });
    expect((await again.recall("telescope astronomy night", { k: 1 }))[0]?.text).toBe(
      "user300: a telescope for astronomy night",
    );
    reopened.close();
  });

  it("searches a small memory without an index file, and gives the shelf one once it outgrows exact search", async () => {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const file = join(indexDir, "Wren.conversation.hnsw");
    const db = openTroupeStore({ dataDir });
    const memory = new LongTermMemory({ db, agent: "Wren", embedder, indexDir, exactUpTo: 40 });
    memory.open();
    for (let i = 0; i < 40; i++) memory.add({ kind: "message", text: `day ${i}: we talked about ${HOBBIES[i % 8]}` });
    await memory.save();
    expect(existsSync(file)).toBe(false);
    expect((await memory.recall("violin", { k: 2 }))[0]?.text).toContain("violin");
    expect(memory.counts).toEqual({ memories: 40, indexed: 40 });

    memory.add({ kind: "message", text: "day 40: a telescope for astronomy night" });
    await memory.save();
    expect(existsSync(file)).toBe(true);
    expect(memory.counts).toEqual({ memories: 41, indexed: 41 });
    db.close();

    const reopened = openTroupeStore({ dataDir });
    const again = new LongTermMemory({ db: reopened, agent: "Wren", embedder, indexDir, exactUpTo: 40 });
    again.open();
    expect((await again.recall("telescope astronomy", { k: 1 }))[0]?.text).toBe(
      "day 40: a telescope for astronomy night",
    );
    reopened.close();
  });
});
