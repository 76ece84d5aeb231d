import { describe, expect, it } from "vitest";
import { extractStatedFacts, factOrigin, userScope, WorkingMemory } from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const dm = { id: "dm:alice", kind: "direct" as const };
const group = { id: "general", kind: "group" as const };
const otherGroup = { id: "random", kind: "group" as const };

function storedAt(db: Store, scope: string): number | undefined {
  const row = db.prepare("SELECT updated_at FROM working_memory WHERE agent = ? AND scope = ?").get("Juno", scope) as
    | { updated_at: number }
    | undefined;
  return row?.updated_at;
}

describe("working memory scopes", () => {
  const tempDir = useTempDir();

  it("shows what a user said in private only in private, and what they said in a group everywhere", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const memory = new WorkingMemory(db, "Juno");
    const alice = userScope("alice");
    memory.applyFacts(alice, extractStatedFacts("I live in Oslo. I love jazz."), 1, factOrigin(dm));
    memory.applyFacts(alice, extractStatedFacts("My name is Alice. I love chess."), 2, factOrigin(group));

    expect(memory.visibleFacts(alice, dm)).toEqual({ "lives in": "Oslo", likes: "jazz, chess", name: "Alice" });
    expect(memory.visibleFacts(alice, group)).toEqual({ likes: "chess", name: "Alice" });
    expect(memory.visibleFacts(alice, otherGroup)).toEqual({ likes: "chess", name: "Alice" });

    // Said again in a group, the fact is no longer a secret.
    memory.applyFacts(alice, extractStatedFacts("I live in Oslo."), 3, factOrigin(otherGroup));
    expect(memory.visibleFacts(alice, group)["lives in"]).toBe("Oslo");
    db.close();
  });

  it("keeps a replaced fact in history, and its successor private when it was said in a direct room", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const memory = new WorkingMemory(db, "Juno");
    const alice = userScope("alice");
    memory.applyFacts(alice, extractStatedFacts("I live in Oslo."), 1, factOrigin(group));
    const document = memory.applyFacts(alice, extractStatedFacts("I moved to Lima."), 2, factOrigin(dm));
    expect(document.history).toEqual([{ key: "lives in", value: "Oslo", until: 2 }]);
    expect(memory.visibleFacts(alice, group)["lives in"]).toBeUndefined();
    expect(memory.visibleFacts(alice, dm)["lives in"]).toBe("Lima");
    db.close();
  });

  it("writes a document only when an update changes it", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const memory = new WorkingMemory(db, "Juno");
    const alice = userScope("alice");
    memory.applyFacts(alice, extractStatedFacts("I live in Oslo."), 100, factOrigin(dm));
    memory.applyFacts(alice, extractStatedFacts("I live in Oslo."), 200, factOrigin(dm));
    expect(storedAt(db, alice)).toBe(100);
    memory.update("room:dm:alice", 300, () => {});
    expect(storedAt(db, "room:dm:alice")).toBeUndefined();
    memory.update("room:dm:alice", 400, (document) => {
      document.goals = ["call the dentist"];
    });
    expect(storedAt(db, "room:dm:alice")).toBe(400);
    expect(new WorkingMemory(db, "Juno").get("room:dm:alice").goals).toEqual(["call the dentist"]);
    db.close();
  });
});
