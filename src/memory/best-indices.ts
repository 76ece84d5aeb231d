import { ScratchArray } from "./scratch-array.js";

/** The heap `bestIndices` keeps its candidates in, shared by every call (each runs to completion). */
const heapScratch = new ScratchArray(Int32Array);

/**
 * The positions of the `limit` highest of `values[0, count)`, best first,
 * a tie going to the lower position; NaN marks a value to skip. The same
 * choice and order as offering each value in turn to a best-first list
 * (`TopScores`), but it builds nothing for the values that do
 * not make the top: an exact search over a room's memories offers hundreds
 * that enter the list and are pushed out again, and an object for each was
 * the largest part of what a recall allocated. A heap rather than
 * `TopScores` itself, which moves each entering value down its sorted list:
 * over 640 values for 40, this takes about three quarters of its CPU time.
 */
export function bestIndices(values: Float64Array, count: number, limit: number): number[] {
  if (limit <= 0) return [];
  // A min-heap of positions, its root the worst kept: the lowest value, the later position among equals.
  const heap = heapScratch.take(limit);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) continue;
    if (size < limit) {
      siftUp(heap, values, size, i);
      size++;
    } else if (value > (values[heap[0] as number] as number)) {
      // Positions come in increasing order, so an equal value never displaces one kept before it.
      siftDown(heap, values, size, i);
    }
  }
  // Emptied worst first into the list's end: no sort, whose comparator's every result would be a boxed number.
  const best = new Array<number>(size);
  for (let n = size - 1; n >= 0; n--) {
    best[n] = heap[0] as number;
    if (n > 0) siftDown(heap, values, n, heap[n] as number);
  }
  return best;
}

/** Whether position `a` ranks below position `b`: a lower value, or the same value at a later position. */
function worse(values: Float64Array, a: number, b: number): boolean {
  const va = values[a] as number;
  const vb = values[b] as number;
  return va < vb || (va === vb && a > b);
}

/** Adds `position` at the end of the heap (`size` long) and moves it up to its place. */
function siftUp(heap: Int32Array, values: Float64Array, size: number, position: number): void {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(values, position, heap[parent] as number)) break;
    heap[at] = heap[parent] as number;
    at = parent;
  }
  heap[at] = position;
}

/** Puts `position` in place of the root of the heap (`size` long) and moves it down to its place. */
function siftDown(heap: Int32Array, values: Float64Array, size: number, position: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && worse(values, heap[right] as number, heap[left] as number) ? right : left;
    if (!worse(values, heap[child] as number, position)) break;
    heap[at] = heap[child] as number;
    at = child;
  }
  heap[at] = position;
}
