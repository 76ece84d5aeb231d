import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Troupe } from "../runtime/index.js";

const part = { ready: z.boolean(), reason: z.string().optional() };
const readinessSchema = z
  .object({
    ready: z.boolean(),
    agents: z.array(z.object({ name: z.string(), ...part })),
    connectors: z.array(z.object({ platform: z.string(), ...part })),
    bus: z.object(part),
  })
  .openapi("Readiness");
const route = createRoute({
  method: "get",
  path: "/ready",
  summary: "Readiness: 200 when every agent, connector and the bus can serve, else 503 naming what cannot and why",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: readinessSchema } } },
    503: { description: "Not ready", content: { "application/json": { schema: readinessSchema } } },
  },
});

/**
 * `GET /ready`: whether the troupe can serve, for a load balancer or an
 * orchestrator: 200 when every agent, connector and the bus is ready, else
 * 503, with the part that is not and why:
 * `{ ready, agents: [{ name, ready, reason? }], connectors: [{ platform, ready, reason? }], bus: { ready, reason? } }`.
 * `/health` stays liveness: the process answers.
 */
export function readyRoute(troupe: Troupe): OpenAPIHono {
  const routes = new OpenAPIHono();
  routes.openapi(route, (c) => {
    const readiness = troupe.readiness();
    return readiness.ready ? c.json(readiness, 200) : c.json(readiness, 503);
  });
  return routes;
}
