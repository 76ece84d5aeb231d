import type { MemoryEntry, MemoryKind } from "./memory-record.js";

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

/**
 * Whether a recall may return `memory`: of a kind asked for, not made from
 * an excluded message, and from the room or user asked for (knowledge
 * belongs to every room). Undefined (forgotten) memories never pass.
 */
export function isInRecallScope(memory: MemoryEntry | undefined, options: RecallOptions): boolean {
  if (!memory) return false;
  if (options.kinds && !options.kinds.includes(memory.kind)) return false;
  if (memory.sourceMessageId !== null && options.excludeSourceMessageIds?.has(memory.sourceMessageId)) return false;
  if (memory.kind === "knowledge") return true;
  if (options.room === undefined && options.userId === undefined) return true;
  return memory.room === options.room || (options.userId !== undefined && memory.userId === options.userId);
}
