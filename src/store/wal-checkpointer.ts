import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { endianness } from "node:os";
import { Worker } from "node:worker_threads";
import type { Store } from "./open-store.js";
import { sqliteAddonPath } from "./sqlite-addon.js";

/** Pages in the write-ahead log not yet copied into the database that make a checkpoint due (SQLite's own default). */
const CHECKPOINT_PAGES = 1000;
/**
 * Pages the log may reach before the store's own connection checkpoints, in the next commit no caller waits for.
 * Only that connection's checkpoint lets the log start again from its beginning: one from the worker never
 * catches up with a writer that commits all the time.
 */
const BACKSTOP_PAGES = 4000;
/** Pages at which SQLite checkpoints in whichever commit crosses them: every commit since the backstop had a waiting caller. */
const LAST_RESORT_PAGES = 8000;
/** Commits between two looks at the log's size. */
const COMMITS_PER_LOOK = 8;

/**
 * The worker, one per process: for each file it is sent it opens a
 * connection of its own, copies the write-ahead log into the database
 * (PASSIVE: it never waits for, nor blocks, the store's writer), closes the
 * connection (a store closed meanwhile is never held open) and answers with
 * the file.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
parentPort.on("message", (file) => {
  let db;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0, nativeBinding: workerData.addon });
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy, or the file is gone: the next look tries again, and the store's backstop checkpoint still runs.
  } finally {
    db?.close();
    parentPort.postMessage(file);
  }
});
`;

let worker: Worker | undefined;
/** The worker failed once: this process leaves checkpoints to SQLite. */
let broken = false;
const waiting = new Map<string, () => void>();

function checkpointWorker(): Worker {
  if (worker) return worker;
  if (broken) throw new Error("the checkpoint worker failed");
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const started = new Worker(WORKER, { eval: true, workerData: { driver, addon: sqliteAddonPath() } });
  started.on("message", (file: string) => {
    waiting.get(file)?.();
    waiting.delete(file);
  });
  started.on("error", () => {
    worker = undefined;
    broken = true;
    for (const done of waiting.values()) done();
    waiting.clear();
  });
  // After the listeners, which ref it again: the worker must never keep the process alive.
  started.unref();
  worker = started;
  return started;
}

/**
 * Checkpoints a store's write-ahead log from a worker thread, so the thread
 * that answers never pays for copying pages into the database and syncing
 * it: SQLite's automatic checkpoint runs inside the commit that crosses
 * 1,000 pages, and the reply that commit carried waited milliseconds for it.
 * Call `committed()` after each commit: every few commits it reads how far
 * the log is ahead of the database from the WAL index header (the `-shm`
 * file's documented layout), and past `CHECKPOINT_PAGES` asks the worker.
 * The worker starts at the first group commit, so a store that is only read
 * (a command that looks at memories) never starts a thread. Past
 * `BACKSTOP_PAGES` the store's own connection checkpoints, in a commit no
 * caller waits for, so that the log starts again from its beginning; SQLite's
 * automatic checkpoint moves to `LAST_RESORT_PAGES`.
 */
export class WalCheckpointer {
  private readonly db: Store;
  private commits = 0;
  private inFlight = false;
  private failed = false;
  /** The log has reached `BACKSTOP_PAGES`: the next commit no caller waits for checkpoints it. */
  private backstopDue = false;
  private readonly header = Buffer.alloc(100);

  constructor(db: Store) {
    this.db = db;
    // SQLite would checkpoint in the commit that crosses CHECKPOINT_PAGES, before this ever looks.
    if (db.open && !db.memory) db.pragma(`wal_autocheckpoint = ${LAST_RESORT_PAGES}`);
  }

  /**
   * Counts one commit (`waited`: a caller waits for it, as a reply waits for
   * its row); now and then asks the worker for a checkpoint when the log has
   * grown past `CHECKPOINT_PAGES`. The first commit starts the worker:
   * started when the first checkpoint was due, its start-up (a V8 isolate and
   * Node's bootstrap, about 40 ms of CPU) came at the store's busiest moment
   * and delayed that checkpoint by tens of replies, each waiting for a core.
   */
  committed(waited: boolean): void {
    if (this.failed || this.db.memory) return;
    if (++this.commits === 1) this.worker();
    if (this.backstopDue && !waited) {
      this.backstopDue = this.checkpointHere();
      return;
    }
    if (this.commits % COMMITS_PER_LOOK !== 0) return;
    const { size, pending } = this.logPages();
    if (size >= BACKSTOP_PAGES) this.backstopDue = true;
    if (this.inFlight || pending < CHECKPOINT_PAGES) return;
    const checkpoints = this.worker();
    if (!checkpoints) return;
    this.inFlight = true;
    waiting.set(this.db.name, () => {
      this.inFlight = false;
    });
    checkpoints.postMessage(this.db.name);
  }

  /**
   * Checkpoints on the store's own connection; true when it must be tried again: busy while the worker
   * checkpoints. One that fails (a full disk) is tried again once the next look finds the log still long,
   * and never fails a commit, as SQLite's own does not; thrown here, nothing would catch it.
   */
  private checkpointHere(): boolean {
    try {
      const [outcome] = this.db.pragma("wal_checkpoint(PASSIVE)") as { busy: number }[];
      return outcome?.busy === 1;
    } catch {
      return false;
    }
  }

  /** The process's checkpoint worker; none where no thread can start, and SQLite then checkpoints in the commits, as it does by default. */
  private worker(): Worker | undefined {
    try {
      return checkpointWorker();
    } catch {
      this.failed = true;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
      return undefined;
    }
  }

  /** Frames in the log (the header's mxFrame), and those not yet copied into the database (less the checkpoint's nBackfill). */
  private logPages(): { size: number; pending: number } {
    let fd: number | undefined;
    try {
      fd = openSync(`${this.db.name}-shm`, "r");
      if (readSync(fd, this.header, 0, 100, 0) < 100) return { size: 0, pending: 0 };
      // The WAL index is in the host's byte order.
      const word = (offset: number) =>
        endianness() === "LE" ? this.header.readUInt32LE(offset) : this.header.readUInt32BE(offset);
      const size = word(16);
      return { size, pending: size - word(96) };
    } catch {
      return { size: 0, pending: 0 };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
