/**
 * Lists of memory ids kept in ascending order, as plain arrays: about 4 bytes
 * an id where a set takes about 20. Ids grow with time, so a new one almost
 * always goes last.
 */

/** Puts `id` in its place in `ids` (once). */
export function insertSorted(ids: number[], id: number): void {
  if (id > (ids.at(-1) ?? Number.NEGATIVE_INFINITY)) {
    ids.push(id);
    return;
  }
  const at = lowerBound(ids, id);
  if (ids[at] !== id) ids.splice(at, 0, id);
}

/** Takes `id` out of `ids`, if it is there. */
export function removeSorted(ids: number[], id: number): void {
  const at = lowerBound(ids, id);
  if (ids[at] === id) ids.splice(at, 1);
}

export function includesSorted(ids: readonly number[], id: number): boolean {
  return ids[lowerBound(ids, id)] === id;
}

/** Where `id` is in `ids`, or where it would go. */
export function lowerBound(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
