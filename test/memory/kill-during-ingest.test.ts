import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const SCRIPT = resolve(import.meta.dirname, "../fixtures/scripts/ingest-until-killed.ts");

/** Runs the ingesting script until it has acknowledged `count` memories, then kills it with SIGKILL. */
function ingestThenKill(dataDir: string, count: number): Promise<number[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
    const acknowledged: number[] = [];
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) acknowledged.push(Number(line.split(" ")[1]));
      if (acknowledged.length >= count && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("close", (_code, signal) => {
      if (signal === "SIGKILL") done(acknowledged);
      else fail(new Error(`the ingesting process ended on its own:\n${stderr}`));
    });
  });
}

describe("kill -9 during ingestion", () => {
  const tempDir = useTempDir();

  it("loses no acknowledged memory, and the next start completes the index", async () => {
    const dataDir = tempDir();
    const acknowledged = await ingestThenKill(dataDir, 730);

    const db = openTroupeStore({ dataDir });
    const stored = new Set(
      (db.prepare("SELECT id FROM memories WHERE agent = 'Juno'").all() as { id: number }[]).map((row) => row.id),
    );
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);

    const embedder = createEmbedder(new OfflineEmbeddings(), { model: "troupe-offline-hash-v1", dimensions: 384 });
    const memory = new LongTermMemory({ db, agent: "Juno", embedder, indexDir: join(dataDir, "index") });
    memory.open();
    await memory.flush();
    expect(memory.counts).toEqual({ memories: stored.size, indexed: stored.size });
    // The last acknowledged memories were written after the last index save: recall must still find them.
    const last = acknowledged.length - 1;
    const recalled = await memory.recall(`lighthouse keeper number ${last} painted door ${last * 7}`, { k: 3 });
    expect(recalled.map((item) => item.id)).toContain(acknowledged[last]);
    db.close();
  }, 60_000);
});
