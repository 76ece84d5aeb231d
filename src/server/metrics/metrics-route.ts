import { Hono } from "hono";
import type { Troupe } from "../../runtime/index.js";
import { metricsOf } from "./metrics-of.js";

/** `GET /metrics`: the troupe's metrics in Prometheus' text format (see `createTroupeMetrics`). */
export function metricsRoute(troupe: Troupe): Hono {
  const routes = new Hono();
  routes.get("/metrics", async (c) => {
    const { registry } = await metricsOf(troupe);
    return c.body(await registry.metrics(), 200, { "content-type": registry.contentType });
  });
  return routes;
}
