/** Something ranked by a score: higher is better. */
export interface Scored {
  score: number;
}

/**
 * Whether an item scoring `score` would enter `top`, a best-first list of at
 * most `limit` items. Check it before building the item: most candidates of
 * a search never make the top, and building each would be garbage.
 */
export function entersTop(top: readonly Scored[], score: number, limit: number): boolean {
  if (top.length < limit) return true;
  return limit > 0 && score > (top[top.length - 1] as Scored).score;
}

/** Puts `item` in its place in the best-first list `top`, dropping the last when `top` would exceed `limit`. Ties keep their order. */
export function insertTop<T extends Scored>(top: T[], item: T, limit: number): void {
  if (top.length >= limit) top.pop();
  // Moved down one by one rather than spliced in: a splice returns a new (empty) array each time.
  let at = top.length;
  top.push(item);
  while (at > 0 && (top[at - 1] as T).score < item.score) {
    top[at] = top[at - 1] as T;
    at--;
  }
  top[at] = item;
}
