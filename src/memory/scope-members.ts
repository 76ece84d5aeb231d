import type { MemoryEntry } from "./memory-record.js";
import type { RecallOptions } from "./recall-scope.js";
import { type Shelf, shelfOf } from "./shelf-index.js";

/**
 * The memories of each shelf, and the conversation memories of each room
 * and of each user, so a recall knows how many memories it may return
 * before it searches, and can compare them one by one when they are few (a
 * new or small room inside an agent that remembers a lot, or an agent that
 * remembers little). Knowledge belongs to every room and is only listed by shelf.
 */
export class ScopeMembers {
  private readonly shelves: Record<Shelf, Set<number>> = { conversation: new Set(), knowledge: new Set() };
  private readonly rooms = new Map<string, Set<number>>();
  private readonly users = new Map<string, Set<number>>();
  add(entry: MemoryEntry): void {
    this.shelves[shelfOf(entry.kind)].add(entry.id);
    if (entry.kind === "knowledge") return;
    if (entry.room !== null) listOf(this.rooms, entry.room).add(entry.id);
    if (entry.userId !== null) listOf(this.users, entry.userId).add(entry.id);
  }

  remove(entry: MemoryEntry): void {
    this.shelves[shelfOf(entry.kind)].delete(entry.id);
    if (entry.room !== null) dropFrom(this.rooms, entry.room, entry.id);
    if (entry.userId !== null) dropFrom(this.users, entry.userId, entry.id);
  }

  /** Every memory on a shelf. */
  ofShelf(shelf: Shelf): ReadonlySet<number> {
    return this.shelves[shelf];
  }

  /**
   * The ids a recall scoped to a room and/or user may return (each once),
   * when there are at most `limit` of them; undefined for an unscoped recall
   * or a larger scope, which the vector index searches instead.
   */
  candidates(options: Pick<RecallOptions, "room" | "userId">, limit: number): number[] | undefined {
    const { room, userId } = options;
    if (room === undefined && userId === undefined) return undefined;
    const inRoom = room === undefined ? undefined : this.rooms.get(room);
    const byUser = userId === undefined ? undefined : this.users.get(userId);
    // Counted as a union: in a direct room the user's memories are mostly the room's too.
    if ((inRoom?.size ?? 0) > limit) return undefined;
    const ids = inRoom ? [...inRoom] : [];
    if (byUser) {
      for (const id of byUser) {
        if (inRoom?.has(id)) continue;
        if (ids.length === limit) return undefined;
        ids.push(id);
      }
    }
    return ids;
  }
}

function listOf(lists: Map<string, Set<number>>, key: string): Set<number> {
  let list = lists.get(key);
  if (!list) {
    list = new Set();
    lists.set(key, list);
  }
  return list;
}

function dropFrom(lists: Map<string, Set<number>>, key: string, id: number): void {
  const list = lists.get(key);
  if (!list) return;
  list.delete(id);
  if (list.size === 0) lists.delete(key);
}
