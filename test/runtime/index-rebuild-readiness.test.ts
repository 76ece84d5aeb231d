import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Agent } from "../../src/index.js";
import { createEmbedder, LongTermMemory } from "../../src/memory/index.js";
import { createModels } from "../../src/model/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { captureLogs } from "../helpers/capture-logs.js";
import { sage } from "../helpers/sage-character.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("an agent whose index lacks memories after an unclean stop", () => {
  const tempDir = useTempDir();

  it("serves at once, says 'index rebuilding' in its readiness and the log, and is ready once complete", async () => {
    const dataDir = tempDir();
    const indexDir = join(dataDir, "index");
    const character = sage();
    const models = await createModels(character);
    const embedder = createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions });
    const db = openTroupeStore({ dataDir });
    // A process whose recalls over every room needed the index saved it once, then wrote memories and died:
    // none of those reached a saved index file.
    const before = new LongTermMemory({ db, agent: "Sage", embedder, indexDir });
    before.open();
    await before.recall("herbs", { k: 1 });
    for (let i = 0; i < 1_100; i++) before.add({ kind: "message", text: `ada: old note ${i}`, room: "dm-ada" });
    await before.save();
    for (let i = 0; i < 3_000; i++) before.add({ kind: "message", text: `ada: note ${i} about herbs`, room: "dm-ada" });

    const logs = captureLogs("info");
    const agent = new Agent({
      character,
      db,
      chat: models.chat,
      abilities: models.abilities,
      embedder,
      logger: logs.logger,
      indexDir,
    });
    await agent.start();
    expect(agent.readiness()).toEqual({
      ready: false,
      reason: "index rebuilding: 3000 memories were missing from the saved index",
    });
    const reply = await agent.handle({
      platform: "test",
      room: { id: "dm-ada", kind: "direct" },
      user: { id: "ada", name: "Ada" },
      text: "Hello Sage!",
    });
    expect(reply?.text.length).toBeGreaterThan(0);

    await agent.longTerm.whenIndexed();
    expect(agent.readiness()).toEqual({ ready: true });
    const messages = logs.lines.map((line) => String(line.msg));
    expect(messages.some((message) => message.includes("lacks 3000 memories"))).toBe(true);
    expect(messages.some((message) => message.includes("complete again (3000 added"))).toBe(true);
    await agent.stop();
    db.close();
  });
});
