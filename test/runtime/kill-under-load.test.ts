import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openTroupeStore } from "../../src/runtime/index.js";
import { createTestAgent } from "../../src/testing/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const SCRIPT = resolve(import.meta.dirname, "../fixtures/scripts/answer-until-killed.ts");

/** Runs the answering script until its last reply has gone out, then kills it with SIGKILL; the replies it acknowledged. */
function answerThenKill(dataDir: string, load: number): Promise<{ room: string; n: number }[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, dataDir, String(load)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acknowledged: { room: string; n: number }[] = [];
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const [kind, room, n] = line.split(" ");
        acknowledged.push({ room: room as string, n: Number(n) });
        if (kind === "last") child.kill("SIGKILL");
      }
    });
    child.on("close", (_code, signal) => {
      if (signal === "SIGKILL") done(acknowledged);
      else fail(new Error(`the answering script ended on its own:\n${stderr}`));
    });
  });
}

const textOf = ({ room, n }: { room: string; n: number }) =>
  `I keep message ${n} of ${room}: the lighthouse ${n} is painted ${room} blue`;

describe("kill -9 under load", () => {
  const tempDir = useTempDir();

  it("keeps every acknowledged message, and the next start rebuilds their memories and index from the log", async () => {
    const dataDir = tempDir();
    const acknowledged = await answerThenKill(dataDir, 300);
    const last = acknowledged.at(-1) as { room: string; n: number };
    expect(acknowledged.length).toBeGreaterThan(300);

    const raw = openTroupeStore({ dataDir });
    const logged = new Map(
      (raw.prepare("SELECT id, text FROM messages WHERE role = 'user'").all() as { id: number; text: string }[]).map(
        (row) => [row.text, row.id],
      ),
    );
    for (const message of acknowledged) expect(logged.has(textOf(message))).toBe(true);
    const memoryOf = (db: typeof raw, text: string) =>
      db
        .prepare("SELECT id FROM memories WHERE kind = 'message' AND source_message_id = ?")
        .get(logged.get(text) as number);
    // The last reply's memory was left for a group commit that the kill prevented: only the log holds it.
    const lastReply = raw.prepare("SELECT id FROM messages WHERE role = 'agent' AND room = ?").get(last.room) as {
      id: number;
    };
    const replyMemory = (db: typeof raw) =>
      db.prepare("SELECT text FROM memories WHERE kind = 'message' AND source_message_id = ?").get(lastReply.id);
    expect(replyMemory(raw)).toBeUndefined();
    raw.close();

    const restarted = await createTestAgent({ dataDir, character: { name: "Juno" } });
    for (const message of acknowledged) expect(memoryOf(restarted.db, textOf(message))).toBeDefined();
    expect(replyMemory(restarted.db)).toBeDefined();
    await restarted.agent.longTerm.whenIndexed();
    await restarted.agent.longTerm.flush();
    const { memories, indexed } = restarted.agent.longTerm.counts;
    expect(indexed).toBe(memories);
    const recalled = await restarted.agent.longTerm.recall("which lighthouse is painted last-room blue", {
      k: 3,
      room: last.room,
      userId: `user-${last.room}`,
    });
    expect(recalled.map((memory) => memory.text)).toContain(`User ${last.room}: ${textOf(last)}`);
    await restarted.stop();
  }, 60_000);
});
