/** Prometheus metrics of a troupe: one registry per troupe, fed by its traces and read from its parts when scraped. */
export { createTroupeMetrics, type TroupeMetrics } from "./create-troupe-metrics.js";
export { metricsOf } from "./metrics-of.js";
export { metricsRoute } from "./metrics-route.js";
