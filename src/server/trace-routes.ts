import { Hono } from "hono";
import { z } from "zod";
import { MAX_TRACE_LIMIT, type Troupe } from "../runtime/index.js";

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_TRACE_LIMIT).default(20),
});

/**
 * The traces of recent messages:
 * - `GET /agents/:name/traces?limit=` → `{ traces: [TraceSummary] }`, newest first (default 20);
 * - `GET /traces/:id` → the whole `Trace` of one message, 404 once it has left its agent's ring.
 * They show what users said: the server puts them behind the API token like `/agents/*`.
 */
export function traceRoutes(troupe: Troupe): Hono {
  const routes = new Hono();

  routes.get("/agents/:name/traces", (c) => {
    const name = c.req.param("name");
    const agent = troupe.agent(name);
    if (!agent) return c.json({ error: `No agent named ${name}.` }, 404);
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return c.json({ error: `limit: expected a whole number from 1 to ${MAX_TRACE_LIMIT}.` }, 400);
    }
    return c.json({ traces: agent.traces(query.data.limit).map((trace) => trace.summary()) });
  });

  routes.get("/traces/:id", (c) => {
    const id = c.req.param("id");
    const trace = troupe.trace(id);
    // The id is echoed cut short: a long one from a stranger is not worth sending back whole.
    const named = id.length > 64 ? `${id.slice(0, 64)}…` : id;
    if (!trace) return c.json({ error: `No trace ${named} (only the most recent messages keep theirs).` }, 404);
    return c.json(trace.view());
  });

  return routes;
}
