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

  /** Calls `visit` with the turn just before and the one just after `id` in its room (where there are such turns). */
  forEachNeighbour(room: string, id: number, visit: (neighbour: number) => void): void {
    const ids = this.rooms.get(room);
    if (!ids) return;
    const at = lowerBound(ids, id);
    if (ids[at] !== id) return;
    if (at > 0) visit(ids[at - 1] as number);
    if (at + 1 < ids.length) visit(ids[at + 1] as number);
  }
}
