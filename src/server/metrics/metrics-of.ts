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
    metrics = import("prom-client").then((prom) => createTroupeMetrics(troupe, prom));
    attached.set(troupe, metrics);
  }
  return metrics;
}
