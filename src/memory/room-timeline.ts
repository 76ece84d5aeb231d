import { insertSorted, lowerBound, removeSorted } from "./sorted-ids.js";

/**
 * The order of conversation turns in each room, so recall can bring the
 * turns around a relevant one. Memory ids grow with time, so each room's
 * list stays sorted by appending.
 */
export class RoomTimeline {
  private readonly rooms = new Map<string, number[]>();

  add(room: string, id: number): void {
    const ids = this.rooms.get(room);
    if (ids) insertSorted(ids, id);
    else this.rooms.set(room, [id]);
  }

  remove(room: string, id: number): void {
    const ids = this.rooms.get(room);
    if (ids) removeSorted(ids, id);
  }

  /** The turns just before and after `id` in its room. */
  neighbours(room: string, id: number): number[] {
    const ids = this.rooms.get(room);
    if (!ids) return [];
    const at = lowerBound(ids, id);
    if (ids[at] !== id) return [];
    return [ids[at - 1], ids[at + 1]].filter((neighbour): neighbour is number => neighbour !== undefined);
  }
}
