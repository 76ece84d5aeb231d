import { describe, expect, it } from "vitest";
import { MessageLog } from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("MessageLog", () => {
  const tempDir = useTempDir();

  it("gives a room its last turns in order, however many other rooms spoke in between", () => {
    const log = new MessageLog(openTroupeStore({ dataDir: tempDir() }), "Juno");
    const say = (room: string, text: string) =>
      log.record({ room, userId: `user-${room}`, userName: "Ada", role: "user", text, platform: "test" });
    for (let i = 1; i <= 5; i++) say("first", `turn ${i}`);
    expect(log.recent("first", 3).map((turn) => turn.text)).toEqual(["turn 3", "turn 4", "turn 5"]);
    // More rooms than the log keeps in memory: the first one's turns must come back from SQLite.
    for (let room = 0; room < 2_100; room++) {
      say(`room-${room}`, "hello");
      log.recent(`room-${room}`, 3);
    }
    say("first", "turn 6");
    expect(log.recent("first", 3).map((turn) => turn.text)).toEqual(["turn 4", "turn 5", "turn 6"]);
    // A longer window than the room was read with before.
    expect(log.recent("first", 5).map((turn) => turn.text)).toEqual(["turn 2", "turn 3", "turn 4", "turn 5", "turn 6"]);
    say("first", "turn 7");
    expect(log.recent("first", 2).map((turn) => turn.text)).toEqual(["turn 6", "turn 7"]);
  });
});
