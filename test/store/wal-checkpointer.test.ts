import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { groupCommitOf, openStore } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const SCRIPT = resolve(import.meta.dirname, "../fixtures/scripts/commit-then-exit.ts");

/** Pages in the write-ahead log not yet copied into the database (the WAL index header's mxFrame less nBackfill). */
function pendingPages(file: string): number {
  const header = readFileSync(`${file}-shm`).subarray(0, 100);
  return header.readUInt32LE(16) - header.readUInt32LE(96);
}

describe("WalCheckpointer", () => {
  const tempDir = useTempDir();

  it("keeps a busy store's write-ahead log near 1,000 pages from a worker thread, not in the store's own commits", async () => {
    const db = openStore({ dataDir: tempDir(), migrations: [] });
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
    const insert = db.prepare("INSERT INTO notes (body) VALUES (?)");
    const group = groupCommitOf(db);
    // The store's own connection checkpoints only far past where SQLite would (the worker fell behind).
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(4000);
    const body = Buffer.alloc(3000, 7);
    for (let i = 0; i < 1500; i++) await group.commit(() => insert.run(body));

    const started = Date.now();
    while (pendingPages(db.name) >= 1000 && Date.now() - started < 5000) await sleep(10);
    expect(pendingPages(db.name)).toBeLessThan(1000);
    expect(db.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: 1500 });
    db.close();
  });

  it("lets a process whose store started the worker end on its own once its work is done", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, tempDir()], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const ended = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const code = await Promise.race([ended, sleep(15_000).then(() => "still running")]);
    if (code === "still running") child.kill("SIGKILL");
    expect(output).toBe("closed\n");
    expect(code).toBe(0);
  }, 30_000);
});
