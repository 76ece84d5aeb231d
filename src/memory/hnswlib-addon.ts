import { createRequire } from "node:module";
import type hnswlib from "hnswlib-node";

let addon: typeof hnswlib | undefined;

/**
 * hnswlib-node, loaded the first time a shelf needs an index rather than when
 * Troupe is imported: finding and opening its native addon costs about 6 ms of
 * CPU, and an agent whose shelves stay under `exactUpTo` memories never needs
 * it (docs/benchmarks.md, ninth session). A plain `require`, so the first
 * caller stays synchronous; later calls return the loaded module.
 */
export function hnswlibAddon(): typeof hnswlib {
  addon ??= createRequire(import.meta.url)("hnswlib-node") as typeof hnswlib;
  return addon;
}
