import type { Store } from "./open-store.js";

/** A write that may wait for the next commit, and what to do if it fails. */
interface DeferredWrite {
  write: () => void;
  onError: (error: unknown) => void;
}

/**
 * Group commit for one store: writes that may follow a reply (what is
 * derived from an acknowledged message) are queued with `defer` and run
 * together in one transaction: inside the next `commit` (the next
 * acknowledgement of any room, before its own write), or at the next turn of
 * the event loop, whichever comes first. A crash loses at most the queued
 * writes, never a committed one, so what they derive must be rebuildable
 * from what `commit` wrote (see `AgentMemory.start`).
 *
 * Each deferred write runs in its own savepoint: one that throws is rolled
 * back alone and reported to its `onError`; the others commit.
 */
export class GroupCommit {
  private readonly db: Store;
  private queued: DeferredWrite[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(db: Store) {
    this.db = db;
  }

  /** Queues a write for the next commit. */
  defer(write: () => void, onError: (error: unknown) => void): void {
    this.queued.push({ write, onError });
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Runs `write` and every queued write in one transaction, committed before it returns `write`'s result. */
  commit<T>(write: () => T): T {
    const batch = this.queued;
    try {
      return this.db.transaction(() => {
        this.runQueued();
        return write();
      })();
    } catch (error) {
      // The whole transaction rolled back (a full disk fails at COMMIT): the queued writes are lost too; say so.
      for (const { onError } of batch) onError(error);
      throw error;
    }
  }

  /** Commits the queued writes now (before a stop, a forget, or a reader that needs them). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.queued.length === 0 || !this.db.open) return;
    const batch = this.queued;
    try {
      this.db.transaction(() => this.runQueued())();
    } catch (error) {
      // Never thrown from here: at the next turn of the event loop nobody would catch it and the process would end.
      for (const { onError } of batch) onError(error);
    }
  }

  private runQueued(): void {
    const queued = this.queued;
    this.queued = [];
    for (const { write, onError } of queued) {
      try {
        this.db.transaction(write)();
      } catch (error) {
        onError(error);
      }
    }
  }
}

const groupCommits = new WeakMap<Store, GroupCommit>();

/** The one `GroupCommit` of a store: every agent on it shares the commits. */
export function groupCommitOf(db: Store): GroupCommit {
  let group = groupCommits.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groupCommits.set(db, group);
  }
  return group;
}
