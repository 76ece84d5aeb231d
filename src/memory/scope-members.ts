import type { MemoryEntry } from "./memory-record.js";
import type { RecallOptions } from "./recall-scope.js";
import { type Shelf, shelfOf } from "./shelf-index.js";
import { includesSorted, insertSorted, removeSorted } from "./sorted-ids.js";

/**
 * How many memories each shelf holds, and the conversation memories of each
 * room and of each user, so a recall knows how many memories it may return
 * before it searches, and can compare them one by one when they are few (a
 * new or small room inside an agent that remembers a lot, or an agent that
 * remembers little). Knowledge belongs to every room and is only listed by shelf.
 */
export class ScopeMembers {
  /** Per shelf, per room and per user, its memory ids (`sorted-ids`). */
  private readonly shelves: Record<Shelf, number[]> = { conversation: [], knowledge: [] };
  private readonly rooms = new Map<string, number[]>();
  private readonly users = new Map<string, number[]>();

  add(entry: MemoryEntry): void {
    insertSorted(this.shelves[shelfOf(entry.kind)], entry.id);
    if (entry.kind === "knowledge") return;
    if (entry.room !== null) insertInto(this.rooms, entry.room, entry.id);
    if (entry.userId !== null) insertInto(this.users, entry.userId, entry.id);
  }

  remove(entry: MemoryEntry): void {
    removeSorted(this.shelves[shelfOf(entry.kind)], entry.id);
    if (entry.room !== null) dropFrom(this.rooms, entry.room, entry.id);
    if (entry.userId !== null) dropFrom(this.users, entry.userId, entry.id);
  }

  /** Every memory on a shelf, in id order: what a recall compares one by one while the shelf is small. */
  ofShelf(shelf: Shelf): readonly number[] {
    return this.shelves[shelf];
  }

  /** How many memories a shelf holds. */
  countOf(shelf: Shelf): number {
    return this.shelves[shelf].length;
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
    if ((inRoom?.length ?? 0) > limit) return undefined;
    const ids = inRoom ? [...inRoom] : [];
    if (byUser) {
      for (const id of byUser) {
        if (inRoom && includesSorted(inRoom, id)) continue;
        if (ids.length === limit) return undefined;
        ids.push(id);
      }
    }
    return ids;
  }
}

function insertInto(lists: Map<string, number[]>, key: string, id: number): void {
  const list = lists.get(key);
  if (list) insertSorted(list, id);
  else lists.set(key, [id]);
}

function dropFrom(lists: Map<string, number[]>, key: string, id: number): void {
  const list = lists.get(key);
  if (!list) return;
  removeSorted(list, id);
  if (list.length === 0) lists.delete(key);
}
