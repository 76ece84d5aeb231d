import type { MemoryKind } from "./memory-record.js";

/** What a recall asks for: how many memories, of which kinds, from whose conversations. */
export interface RecallOptions {
  k: number;
  /** Only these kinds; all of them share one shelf (see `Shelf`). Default: every conversation kind. */
  kinds?: MemoryKind[];
  /** Only memories of this room or this user (either matches); knowledge is never scoped. */
  room?: string;
  userId?: string;
  /** Leave out memories made from these messages (e.g. turns already in the short-term window). */
  excludeSourceMessageIds?: Set<number>;
  now?: number;
}
