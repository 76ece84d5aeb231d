import { describe, expect, it } from "vitest";
import { extractStatedFacts, WorkingMemory } from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("WorkingMemory", () => {
  const tempDir = useTempDir();

  it("replaces a contradicted fact and keeps the old one in history", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const memory = new WorkingMemory(db, "Juno");
    memory.applyFacts("s", extractStatedFacts("I live in Oslo"), 1);
    const document = memory.applyFacts("s", extractStatedFacts("I moved to Lima"), 2);
    expect(document.facts["lives in"]).toBe("Lima");
    expect(document.history).toEqual([{ key: "lives in", value: "Oslo", until: 2 }]);
    db.close();
  });

  it("moves a thing from likes to dislikes when the user changes their mind", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const memory = new WorkingMemory(db, "Juno");
    memory.applyFacts("s", extractStatedFacts("I like olives. I love jazz."));
    const document = memory.applyFacts("s", extractStatedFacts("I don't like olives"));
    expect(document.facts).toMatchObject({ likes: "jazz", dislikes: "olives" });
    db.close();
  });

  it("survives a restart and keeps scopes apart", () => {
    const dataDir = tempDir();
    const first = openTroupeStore({ dataDir });
    new WorkingMemory(first, "Juno").applyFacts("alice", extractStatedFacts("My name is Alice"));
    first.close();
    const second = openTroupeStore({ dataDir });
    const memory = new WorkingMemory(second, "Juno");
    expect(memory.get("alice").facts.name).toBe("Alice");
    expect(memory.get("bob").facts).toEqual({});
    expect(new WorkingMemory(second, "Theo").get("alice").facts).toEqual({});
    second.close();
  });
});
