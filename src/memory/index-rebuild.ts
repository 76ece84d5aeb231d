import { setImmediate as nextTurn } from "node:timers/promises";
import type { Store } from "../store/index.js";
import type { Embedder } from "./embedder.js";
import type { MemoryKind } from "./memory-record.js";
import { toVector } from "./memory-rows.js";
import { type Shelf, type ShelfIndex, shelfOf } from "./shelf-index.js";

/** Vectors added between two turns of the event loop: small enough that messages keep flowing meanwhile. */
const SLICE = 256;

/** Options of `IndexRebuild`. */
export interface IndexRebuildOptions {
  db: Store;
  agent: string;
  embedder: Embedder;
  shelves: ShelfIndex;
  /** Per shelf, the last memory id its saved index file holds (0: none). */
  loadedThrough: Record<Shelf, number>;
  /** The agent's newest memory at start: later ones reach the index on their own. */
  until: number;
  /** Whether a memory is still stored (one forgotten meanwhile is left out). */
  isStored(id: number): boolean;
}

/**
 * Puts back into the vector indexes what SQLite (the source of truth) holds
 * beyond what their saved files hold: everything after a crash that came
 * before the last save, the whole index when no file could be trusted. It
 * runs in slices between messages, so the agent serves meanwhile (recall
 * finds the memories not indexed yet by their keywords only).
 */
export class IndexRebuild {
  /** Every memory up to this id is in its index (where it belongs); grows as the rebuild goes. */
  through: number;
  /** Vectors added so far. */
  added = 0;
  private stopped = false;
  private readonly next;

  constructor(private readonly options: IndexRebuildOptions) {
    this.through = Math.min(options.loadedThrough.conversation, options.loadedThrough.knowledge);
    this.next = options.db.prepare<
      [string, string, number, number, number, number],
      { id: number; kind: MemoryKind; embedding: Buffer }
    >(
      `SELECT id, kind, embedding FROM memories
       WHERE agent = ? AND model = ? AND dimensions = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?`,
    );
  }

  /** Whether every missing vector has been added. */
  get complete(): boolean {
    return this.through >= this.options.until;
  }

  /** Whether vectors are still being added (not complete, and `stop` was not called). */
  get running(): boolean {
    return !this.stopped && !this.complete;
  }

  /** Adds the missing vectors, a slice per turn of the event loop, until done or `stop`. */
  async run(): Promise<void> {
    // Not even the first slice before the caller goes on: start-up is never held up by the rebuild.
    do await nextTurn();
    while (this.step());
  }

  /** Adds every missing vector now, calling `onSlice` after each slice (for a progress bar). */
  runNow(onSlice?: (added: number) => void): void {
    while (this.step()) onSlice?.(this.added);
    onSlice?.(this.added);
  }

  /** Adds one slice of the missing vectors; returns whether more remain. */
  private step(): boolean {
    if (!this.running) return false;
    const { agent, embedder, shelves, loadedThrough, until, isStored } = this.options;
    const rows = this.next.all(agent, embedder.model, embedder.dimensions, this.through, until, SLICE);
    for (const row of rows) {
      const shelf = shelfOf(row.kind);
      if (row.id > loadedThrough[shelf] && isStored(row.id)) {
        shelves.of(shelf).add(row.id, toVector(row.embedding));
        this.added++;
      }
    }
    this.through = rows.length < SLICE ? until : (rows.at(-1)?.id ?? until);
    return this.running;
  }

  /** Stops after the current slice; `through` says how far it got. */
  stop(): void {
    this.stopped = true;
  }
}
