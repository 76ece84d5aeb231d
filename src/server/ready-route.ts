import { Hono } from "hono";
import type { Troupe } from "../runtime/index.js";

/**
 * `GET /ready`: whether the troupe can serve, for a load balancer or an
 * orchestrator: 200 when every agent, connector and the bus is ready, else
 * 503, with the part that is not and why:
 * `{ ready, agents: [{ name, ready, reason? }], connectors: [{ platform, ready, reason? }], bus: { ready, reason? } }`.
 * `/health` stays liveness: the process answers.
 */
export function readyRoute(troupe: Troupe): Hono {
  const routes = new Hono();
  routes.get("/ready", (c) => {
    const readiness = troupe.readiness();
    return c.json(readiness, readiness.ready ? 200 : 503);
  });
  return routes;
}
