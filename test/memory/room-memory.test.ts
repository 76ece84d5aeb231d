import { describe, expect, it } from "vitest";
import { MessageLog, RoomMemory, WorkingMemory } from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

function writesOf(db: Store): number {
  const row = db.prepare("SELECT updated_at FROM working_memory WHERE agent = 'Juno' AND scope = 'room:dm'").get() as
    | { updated_at: number }
    | undefined;
  return row?.updated_at ?? 0;
}

describe("RoomMemory", () => {
  const tempDir = useTempDir();

  it("writes the room's document only when its summary or goals change", () => {
    const db = openTroupeStore({ dataDir: tempDir() });
    const log = new MessageLog(db, "Juno");
    const rooms = new RoomMemory({
      working: new WorkingMemory(db, "Juno"),
      log,
      settings: { shortTermTurns: 2, tokenBudget: 4000 },
    });
    const turn = (text: string, now: number) => {
      log.record({ room: "dm", userId: "alice", userName: "Alice", role: "user", text, platform: "test" });
      rooms.updateAfterTurn("dm", text, now);
    };
    turn("My sister Maria is getting married in Lisbon next June.", 1);
    turn("hi", 2);
    turn("cool", 3);
    expect(writesOf(db)).toBe(3);
    expect(rooms.view("dm").summary?.sentences.map((sentence) => sentence.turn)).toEqual([1]);
    for (let now = 4; now < 20; now++) turn("haha ok", now);
    expect(writesOf(db)).toBe(3);
    turn("I need to renew my passport.", 20);
    expect(writesOf(db)).toBe(20);
    expect(rooms.view("dm").goals).toEqual(["renew my passport"]);
    db.close();
  });
});
