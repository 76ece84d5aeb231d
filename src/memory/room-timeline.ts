/**
 * The order of conversation turns in each room, so recall can bring the
 * turns around a relevant one. Memory ids grow with time, so each room's
 * list stays sorted by appending.
 */
export class RoomTimeline {
  private readonly rooms = new Map<string, number[]>();

  add(room: string, id: number): void {
    const ids = this.rooms.get(room);
    if (!ids) {
      this.rooms.set(room, [id]);
      return;
    }
    if (id > (ids.at(-1) ?? 0)) ids.push(id);
    else ids.splice(lowerBound(ids, id), 0, id);
  }

  remove(room: string, id: number): void {
    const ids = this.rooms.get(room);
    const at = ids ? lowerBound(ids, id) : -1;
    if (ids && ids[at] === id) ids.splice(at, 1);
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

function lowerBound(ids: number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
