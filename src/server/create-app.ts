import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { HttpConnector } from "../connectors/index.js";
import type { Troupe } from "../runtime/index.js";
import { StoreFullError } from "../store/index.js";
import { type ApiGuardOptions, createApiGuards } from "./api-guard.js";
import { findConsoleAssets } from "./console-assets.js";
import { createConsoleRoutes } from "./console-routes.js";
import { mcpRoutes } from "./mcp-routes.js";
import { metricsRoute } from "./metrics/index.js";
import { readyRoute } from "./ready-route.js";
import { agentRoutes } from "./routes/agents.js";
import { memoryRoutes } from "./routes/memories.js";
import { taskRoutes } from "./routes/tasks.js";
import { validateRoutes } from "./routes/validate.js";
import { workflowRoutes } from "./routes/workflows.js";
import { workingMemoryRoutes } from "./routes/working-memory.js";
import { traceRoutes } from "./trace-routes.js";

/** What the server is bound to and allows (`ApiGuardOptions`), and where workflow definitions are. */
export interface AppOptions extends ApiGuardOptions {
  /** The folder of workflow definitions `/workflows` lists and runs. Default `workflows` (in the current folder). */
  workflowsDir?: string;
}

/** Paths that answer without the bearer token: liveness and readiness for load balancers. */
const OPEN_PATHS = new Set(["/health", "/ready"]);

/** The web console's page and static assets load without the token (the page then asks for it). */
function isConsoleAsset(path: string): boolean {
  return path === "/" || path.startsWith("/console/");
}

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness: the agents and each started connector, with what it reports",
  responses: {
    200: {
      description: "The process is up",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("ok"),
            agents: z.array(z.string()),
            connectors: z.array(
              z.object({ platform: z.string(), connectedAs: z.string().nullable() }).catchall(z.unknown()),
            ),
          }),
        },
      },
    },
  },
});

/**
 * The HTTP API, described at `GET /openapi.json` (generated from the same zod
 * schemas that check every body, path and query; bad input answers 400
 * naming the field):
 * - `GET /health`: liveness, open without a token
 * - `/agents`: list, inspect, pause, resume and reload agents (`routes/agents.ts`); an agent's long-term
 *   memories (`routes/memories.ts`) and a user's working memory (`routes/working-memory.ts`)
 * - `/tasks` and `/workflows`: delegated tasks and workflow runs, listed, inspected, started and cancelled
 * - `POST /validate`: check a character file's JSON
 * - the HTTP connector's routes, when one is given (`serve` always gives one): messages in
 *   (JSON or server-sent events), replies and proactive messages out (see `HttpConnector`)
 * - the traces of recent messages (`traceRoutes`), `GET /ready` (`readyRoute`) and `GET /metrics` (`metricsRoute`)
 * - the troupe's MCP tools over streamable HTTP at `/mcp` (`mcpRoutes`), behind the API's token
 * - the connectors' webhooks (`troupe.webhooks`), each checking its own secret
 * - the web console: its page at `/`, its assets under `/console/` (`createConsoleRoutes`).
 * An error in a route is logged and answered 500.
 *
 * Every request passes the guards of `createApiGuards` first (host, JSON, body size); every path
 * but `/health`, `/ready`, the console's static files and the connectors' webhooks also needs the token when one is set.
 * `options` says what the server is bound to and what the operator allows. CORS is off: no route
 * sends `Access-Control-Allow-Origin`, so browsers keep other sites' pages from reading answers.
 */
export function createApp(
  troupe: Troupe,
  options: AppOptions = { host: "127.0.0.1" },
  http?: HttpConnector,
): OpenAPIHono {
  const app = new OpenAPIHono();
  const guards = createApiGuards(options);
  app.use("*", ...guards.everyRequest);
  if (guards.apiRoutes.length > 0) {
    // Every route but the open ones, so a route added later is covered without naming it here.
    const needsToken = (path: string) =>
      !OPEN_PATHS.has(path) && !isConsoleAsset(path) && troupe.webhooks.find(path) === undefined;
    for (const guard of guards.apiRoutes) app.use("*", (c, next) => (needsToken(c.req.path) ? guard(c, next) : next()));
  }

  app.openapi(healthRoute, (c) =>
    c.json(
      {
        status: "ok" as const,
        agents: troupe.agents.map((agent) => agent.name),
        connectors: troupe.connected.map((connector) => ({
          platform: connector.platform,
          connectedAs: connector.connectedAs() ?? null,
          ...connector.health?.(),
        })),
      },
      200,
    ),
  );
  app.route("/", agentRoutes(troupe));
  app.route("/", memoryRoutes(troupe));
  app.route("/", workingMemoryRoutes(troupe));
  app.route("/", taskRoutes(troupe));
  const workflowsDir = options.workflowsDir ?? "workflows";
  app.route("/", workflowRoutes(troupe, workflowsDir));
  app.route("/", validateRoutes(troupe));
  if (http) app.route("/", http.routes);
  app.route("/", traceRoutes(troupe));
  app.route("/", readyRoute(troupe));
  app.route("/", metricsRoute(troupe));
  app.route("/", mcpRoutes(troupe, guards.apiRoutes, workflowsDir));
  app.route("/", createConsoleRoutes(findConsoleAssets()));

  // Routes that are not zod-checked JSON (Prometheus text, the MCP protocol) are listed by hand.
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/metrics",
    summary: "The troupe's metrics in Prometheus' text format",
    responses: {
      200: { description: "Prometheus exposition format", content: { "text/plain": { schema: z.string() } } },
    },
  });
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/mcp",
    summary: "The troupe's MCP tools over streamable HTTP (JSON-RPC; see the MCP section of the README)",
    responses: { 200: { description: "A JSON-RPC answer" } },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Troupe HTTP API",
      version: "1",
      description: "Talk to the troupe's agents, look into their memory, and steer their work.",
    },
    security: options.token ? [{ bearer: [] }] : [],
  });

  // Webhooks of the connectors (a Telegram bot in webhook mode): each checks its own secret.
  app.post("*", (c) => {
    const handler = troupe.webhooks.find(c.req.path);
    return handler ? handler(c.req.raw) : c.json({ error: "Not found." }, 404);
  });

  app.onError((error, c) => {
    if (error instanceof StoreFullError) {
      troupe.logger.error(error.message);
      return c.json({ error: error.message }, 507);
    }
    troupe.logger.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: "Internal error." }, 500);
  });

  return app;
}
