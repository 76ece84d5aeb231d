import type { Store } from "./open-store.js";
import { WalCheckpointer } from "./wal-checkpointer.js";

/** A write that may wait for the next commit, and what to do if it fails. */
interface DeferredWrite {
  write: () => void;
  onError: (error: unknown) => void;
  /** How many commits there had been when it was queued: it joins only a later one. */
  after: number;
}

/** A write whose caller waits until it is committed. */
interface AwaitedWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one store. Every write queued during one turn of the
 * event loop, from any room or agent, is committed in one transaction at
 * the next turn: the writes a caller waits for (`commit`: an inbound
 * message's acknowledgement, a reply's row), resolved once the commit is
 * durable, and the writes that may follow a reply (`defer`: what is derived
 * from an acknowledged message; those never join a commit that callers
 * wait for until one commit has passed since they were queued, so what a
 * message derives never delays its reply's row). A commit costs far more than the
 * statements in it (about 0.1–0.3 ms on this machine's disk), so a hundred
 * rooms share one instead of taking three each. A crash loses at most the
 * queued writes, never a committed one, so what deferred writes derive must
 * be rebuildable from what was committed (see `AgentMemory.start`).
 *
 * Each write runs in its own savepoint: one that throws is rolled back
 * alone and reported to its caller; the others commit.
 */
export class GroupCommit {
  private readonly db: Store;
  private readonly checkpointer: WalCheckpointer;
  /**
   * Runs a function in a transaction, or in a savepoint when one is open. Made once: better-sqlite3's
   * `db.transaction(fn)` builds four wrappers with their properties on each call, which cost about
   * 5% of a message's CPU and 20 KB of garbage when every commit and savepoint made its own.
   */
  private readonly transaction: <T>(write: () => T) => T;
  private queued: DeferredWrite[] = [];
  private awaited: AwaitedWrite[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  /** Commits so far. */
  private commits = 0;

  constructor(db: Store) {
    this.db = db;
    this.checkpointer = new WalCheckpointer(db);
    this.transaction = db.transaction((write: () => unknown) => write()) as <T>(write: () => T) => T;
  }

  /** How many transactions it has committed (or tried to) so far. */
  get committed(): number {
    return this.commits;
  }

  /**
   * Queues a write for a later commit: not the next one when that is already
   * waited for, since what a message derives must not delay the reply whose
   * row that commit carries.
   */
  defer(write: () => void, onError: (error: unknown) => void): void {
    this.queued.push({ write, onError, after: this.commits });
    this.schedule();
  }

  /**
   * Runs `write` in the next commit, after the writes queued before it, and
   * resolves with its result once that commit is durable; rejects when
   * `write` throws or the commit fails.
   */
  commit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.awaited.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Commits every queued write now (before a stop, a forget, or a reader that needs them). */
  flush(): void {
    this.commitQueued(true);
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.commitQueued(false));
  }

  /** Commits the awaited writes and the deferred ones that may go (all of them when `everything`). */
  private commitQueued(everything: boolean): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.queued.length === 0 && this.awaited.length === 0) return;
    // A deferred write never joins the commit a reply made in the same turn is waiting for.
    const due = (write: DeferredWrite) => everything || this.awaited.length === 0 || write.after < this.commits;
    const deferred = this.queued.filter(due);
    const awaited = this.awaited;
    this.queued = this.queued.filter((write) => !due(write));
    this.awaited = [];
    this.commits++;
    // A store closed after its last stop: what was derived meanwhile is rebuilt at the next start.
    if (!this.db.open) deferred.length = 0;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.transaction(() => {
        for (const { write, onError } of deferred) {
          const outcome = this.inSavepoint(write);
          if (!outcome.ok) onError(outcome.value);
        }
        for (const { write } of awaited) outcomes.push(this.inSavepoint(write));
      });
    } catch (error) {
      // The whole transaction rolled back (a full disk fails at COMMIT; a closed store refuses to begin): every
      // write of it is lost; say so to each. Never thrown from here: at the next turn of the event loop nobody
      // would catch it and the process would end.
      for (const { onError } of deferred) onError(error);
      for (const { reject } of awaited) reject(error);
      if (this.queued.length > 0) this.schedule();
      return;
    }
    this.checkpointer.committed(awaited.length > 0);
    awaited.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i] as { ok: boolean; value: unknown };
      const settle = () => (outcome.ok ? resolve(outcome.value) : reject(outcome.value));
      // Each caller goes on in a task of its own, so it runs up to its next real wait (a model call, the next commit)
      // before the next caller starts. Settled together, a hundred rooms' continuations would take turns at every
      // `await` (promise callbacks run first come, first served), and each room would reach its model call only
      // when the last one did. Writes they queue meanwhile still share the commit after all of them.
      if (i === 0) settle();
      else setImmediate(settle);
    });
    // After the callers: a write derived before this commit must not get ahead of a caller still to go on.
    if (this.queued.length > 0) this.schedule();
  }

  /**
   * Runs one write in its own savepoint. A write that fails is rolled back
   * alone, unless SQLite rolled back the whole transaction (a full disk, an
   * I/O error): then the batch is lost, and the error goes to every caller.
   */
  private inSavepoint(write: () => unknown): { ok: boolean; value: unknown } {
    try {
      return { ok: true, value: this.transaction(write) };
    } catch (error) {
      if (!this.db.inTransaction) throw error;
      return { ok: false, value: error };
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
