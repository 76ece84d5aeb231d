import type * as PromClient from "prom-client";
import type { Troupe } from "../../runtime/index.js";
import { createTroupeMetrics, type TroupeMetrics } from "./create-troupe-metrics.js";

const attached = new WeakMap<Troupe, Promise<TroupeMetrics>>();

/**
 * The troupe's metrics, made on the first call and the same afterwards: one
 * registry per troupe. prom-client is imported here, on first use, so
 * commands that serve no metrics (`troupe chat`) never load it. Call it
 * before messages flow (`serve` does) so the counters miss none.
 */
export function metricsOf(troupe: Troupe): Promise<TroupeMetrics> {
  let metrics = attached.get(troupe);
  if (!metrics) {
    metrics = import("prom-client").then((loaded) => createTroupeMetrics(troupe, commonJsExports(loaded)));
    attached.set(troupe, metrics);
  }
  return metrics;
}

/**
 * prom-client is CommonJS. Node's own import lists its exports on the namespace, but esbuild's
 * bundle (dist/, what `troupe start` runs) puts them on `default` only; `default` is the exports in both.
 */
function commonJsExports(loaded: typeof PromClient): typeof PromClient {
  return (loaded as unknown as { default?: typeof PromClient }).default ?? loaded;
}
