import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { groupCommitOf, openStore, type Store } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const SCRIPT = resolve(import.meta.dirname, "../fixtures/scripts/commit-then-exit.ts");

/** Pages in the write-ahead log (the WAL index header's mxFrame), and those not yet copied into the database (less nBackfill). */
function logPages(file: string): { size: number; pending: number } {
  const header = readFileSync(`${file}-shm`).subarray(0, 100);
  return { size: header.readUInt32LE(16), pending: header.readUInt32LE(16) - header.readUInt32LE(96) };
}

/** A note takes about a page of the log. */
const BODY = Buffer.alloc(3000, 7);

/** A store with one table of notes: its group commit, a write of one note, and how many notes it holds. */
function notesStore(dataDir: string) {
  const db = openStore({ dataDir, migrations: [] });
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  const insert = db.prepare("INSERT INTO notes (body) VALUES (?)");
  const count = db.prepare("SELECT count(*) AS n FROM notes");
  return { db, group: groupCommitOf(db), addNote: () => insert.run(BODY), notes: () => count.get() };
}

/** Calls `before` ahead of each checkpoint the store's own connection runs; it may throw, as a failing checkpoint does. */
function beforeEachCheckpoint(db: Store, before: () => void): void {
  const pragma = db.pragma.bind(db);
  vi.spyOn(db, "pragma").mockImplementation((source, options) => {
    if (source.startsWith("wal_checkpoint")) before();
    return pragma(source, options);
  });
}

describe("WalCheckpointer", () => {
  const tempDir = useTempDir();

  it("keeps a busy store's write-ahead log near 1,000 pages from a worker thread, not in the store's own commits", async () => {
    const { db, group, addNote, notes } = notesStore(tempDir());
    // SQLite checkpoints in a commit only far past where it would by default (every commit had a waiting caller).
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(8000);
    for (let i = 0; i < 1500; i++) await group.commit(addNote);

    // The store stays busy: a checkpoint the worker finished after the last look is followed by another when due.
    const started = Date.now();
    let more = 0;
    while (logPages(db.name).pending >= 1000 && Date.now() - started < 5000) {
      for (let i = 0; i < 8; i++, more++) await group.commit(addNote);
      await sleep(10);
    }
    expect(logPages(db.name).pending).toBeLessThan(1000);
    expect(notes()).toEqual({ n: 1500 + more });
    db.close();
  });

  it("starts the log again from its beginning before SQLite would, checkpointing in commits no caller waits for", async () => {
    const { db, group, addNote, notes } = notesStore(tempDir());
    // Written by the commit's last write: true when a caller waits for the commit, false when only derived writes made it.
    let waited = false;
    const checkpointsIn: boolean[] = [];
    beforeEachCheckpoint(db, () => checkpointsIn.push(waited));
    let largest = 0;
    let restarted = false;
    for (let i = 0; i < 2500; i++) {
      // As a message goes: its row, which a caller waits for, then what it derives, in a commit of its own.
      await group.commit(() => {
        addNote();
        waited = true;
      });
      group.defer(
        () => {
          addNote();
          waited = false;
        },
        (error) => {
          throw error;
        },
      );
      await new Promise((resolve) => setImmediate(resolve));
      const { size } = logPages(db.name);
      restarted ||= size < largest;
      largest = Math.max(largest, size);
    }

    expect(restarted).toBe(true);
    // 4,000 pages, the commits until the next look, and those while the worker held the checkpoint; never SQLite's own.
    expect(largest).toBeLessThan(8000);
    expect(checkpointsIn.length).toBeGreaterThan(0);
    expect(checkpointsIn.every((inWaitedCommit) => !inWaitedCommit)).toBe(true);
    expect(notes()).toEqual({ n: 5000 });
    db.close();
  });

  it("keeps committing when the store's own checkpoint fails, and tries it again", async () => {
    const { db, group, addNote, notes } = notesStore(tempDir());
    let tries = 0;
    beforeEachCheckpoint(db, () => {
      tries++;
      throw new Error("disk I/O error");
    });
    const failed: unknown[] = [];
    for (let i = 0; i < 2500; i++) {
      await group.commit(addNote);
      group.defer(addNote, (error) => failed.push(error));
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(failed).toEqual([]);
    expect(tries).toBeGreaterThan(1);
    expect(notes()).toEqual({ n: 5000 });
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
