import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { agentParamsSchema, errorSchema, jsonResponse, validationHook } from "../connectors/index.js";
import { MAX_TRACE_LIMIT, type Troupe } from "../runtime/index.js";

/** A trace's JSON (`TurnTrace.view()`; its fields are listed in /work/api-contract.md's observe section). */
const traceSchema = z
  .record(z.string(), z.unknown())
  .openapi("Trace", { description: "Steps with durations, recalled memories, prompt sections, tools, delegations" });

const listRoute = createRoute({
  method: "get",
  path: "/agents/{name}/traces",
  summary: "An agent's recent messages' traces, newest first",
  request: {
    params: agentParamsSchema,
    query: z.object({ limit: z.coerce.number().int().min(1).max(MAX_TRACE_LIMIT).default(20) }),
  },
  responses: {
    200: jsonResponse(z.object({ traces: z.array(z.record(z.string(), z.unknown())) }), "Trace summaries"),
    400: jsonResponse(errorSchema, "`limit` (or the name) is out of range"),
    404: jsonResponse(errorSchema, "No agent of that name"),
  },
});
const getRoute = createRoute({
  method: "get",
  path: "/traces/{id}",
  summary: "The whole trace of one recent message (the `traceId` of its reply)",
  request: { params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: jsonResponse(traceSchema, "The trace"),
    404: jsonResponse(errorSchema, "No such trace, or it has left its agent's ring"),
  },
});

/**
 * The traces of recent messages:
 * - `GET /agents/:name/traces?limit=` → `{ traces: [TraceSummary] }`, newest first (default 20);
 * - `GET /traces/:id` → the whole `Trace` of one message, 404 once it has left its agent's ring.
 * They show what users said: the server puts them behind the API token like `/agents/*`.
 */
export function traceRoutes(troupe: Troupe): OpenAPIHono {
  const routes = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success || result.target !== "query") return validationHook()(result, c);
      return c.json({ error: `limit: expected a whole number from 1 to ${MAX_TRACE_LIMIT}.` }, 400);
    },
  });

  routes.openapi(listRoute, (c) => {
    const { name } = c.req.valid("param");
    const agent = troupe.agent(name);
    if (!agent) return c.json({ error: `No agent named ${name}.` }, 404);
    const traces = agent.traces(c.req.valid("query").limit).map((trace) => trace.summary());
    return c.json({ traces }, 200);
  });

  routes.openapi(getRoute, (c) => {
    const { id } = c.req.valid("param");
    const trace = troupe.trace(id);
    // The id is echoed cut short: a long one from a stranger is not worth sending back whole.
    const named = id.length > 64 ? `${id.slice(0, 64)}…` : id;
    if (!trace) return c.json({ error: `No trace ${named} (only the most recent messages keep theirs).` }, 404);
    return c.json(trace.view(), 200);
  });

  return routes;
}
