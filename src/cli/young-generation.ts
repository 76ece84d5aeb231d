import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

const MB = 1024 * 1024;
/** V8's own growth factor for the young generation (`--semi-space-growth-factor`). */
const GROWTH_FACTOR = 2;

/**
 * Keeps V8's young generation at `semiSpaceMb` per semi-space (the new space
 * holds two), where V8 would let it grow to 16 MB each on 64-bit Node 20.
 * `--max-semi-space-size` does that only when given to `node` itself: V8 reads
 * it once, when the heap is set up, so setting it from running code changes
 * nothing. The growth factor it reads at every growth: after each collection
 * this looks at the young generation's capacity and lets it double only while
 * it is below the cap. V8 grows it by doubling, from 1 MB, each time about a
 * capacity's worth of objects has survived since the last growth, so at 8 MB
 * a look after each collection comes long before the next growth could. A
 * factor of 1 is set again after every collection: V8 raises a factor below 2
 * back to 2 whenever it sets up a heap, a worker thread's too. Worker threads
 * read the same factor but only the main thread's collections are watched: a
 * worker that allocates while the main thread is idle can grow its young
 * generation to V8's default (`--max-semi-space-size` caps workers too). An explicit
 * `--max-semi-space-size` or `--semi-space-growth-factor` (on the command
 * line or in `NODE_OPTIONS`) wins.
 *
 * @example capYoungGeneration(8); // at the top of a program, before it allocates much
 */
export function capYoungGeneration(semiSpaceMb: number): void {
  const explicit = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (explicit.some((flag) => /^--(max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)/.test(flag))) return;
  let factor = GROWTH_FACTOR;
  const observer = new PerformanceObserver(() => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
    if (!young) return;
    // One semi-space's capacity, a little under its nominal size: 1, 2, 4, 8 MB, …
    const capacity = young.space_used_size + young.space_available_size;
    const wanted = capacity < 0.75 * semiSpaceMb * MB ? GROWTH_FACTOR : 1;
    if (wanted === factor && wanted !== 1) return;
    factor = wanted;
    setFlagsFromString(`--semi-space-growth-factor=${wanted}`);
  });
  observer.observe({ entryTypes: ["gc"] });
}
