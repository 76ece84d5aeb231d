import { Hono } from "hono";
import type { HttpConnector } from "../connectors/index.js";
import type { Troupe } from "../runtime/index.js";
import { StoreFullError } from "../store/index.js";
import { type ApiGuardOptions, createApiGuards } from "./api-guard.js";
import { findConsoleAssets } from "./console-assets.js";
import { createConsoleRoutes } from "./console-routes.js";
import { mcpRoutes } from "./mcp-routes.js";
import { metricsRoute } from "./metrics/index.js";
import { readyRoute } from "./ready-route.js";
import { traceRoutes } from "./trace-routes.js";

/**
 * The HTTP API:
 * - `GET /health` → `{ status: "ok", agents: [names], connectors: [{ platform, connectedAs, ...health }] }`:
 *   each started connector, with what it reports (the X connector: today's calls and estimated cost)
 * - the HTTP connector's routes, when one is given (`serve` always gives one): messages in, replies
 *   and proactive messages out (see `HttpConnector`)
 * - the traces of recent messages (`traceRoutes`), `GET /ready` (`readyRoute`) and `GET /metrics` (`metricsRoute`)
 * - the troupe's MCP tools over streamable HTTP at `/mcp` (`mcpRoutes`), behind the API's token
 * - the connectors' webhooks (`troupe.webhooks`)
 * - the web console: its page at `/`, its assets under `/console/` (`createConsoleRoutes`).
 * An error in a route is logged and answered 500.
 *
 * Every request passes the guards of `createApiGuards` first (host, JSON, body size, token):
 * `options` says what the server is bound to and what the operator allows.
 */
export function createApp(
  troupe: Troupe,
  options: ApiGuardOptions = { host: "127.0.0.1" },
  http?: HttpConnector,
): Hono {
  const app = new Hono();
  const guards = createApiGuards(options);
  app.use("*", ...guards.everyRequest);
  if (guards.apiRoutes.length > 0) {
    app.use("/agents/*", ...guards.apiRoutes);
    app.use("/traces/*", ...guards.apiRoutes);
  }

  app.get("/health", (c) =>
    c.json({
      status: "ok",
      agents: troupe.agents.map((agent) => agent.name),
      connectors: troupe.connected.map((connector) => ({
        platform: connector.platform,
        connectedAs: connector.connectedAs() ?? null,
        ...connector.health?.(),
      })),
    }),
  );
  if (http) app.route("/", http.routes);
  app.route("/", traceRoutes(troupe));
  app.route("/", readyRoute(troupe));
  app.route("/", metricsRoute(troupe));
  app.route("/", mcpRoutes(troupe, guards.apiRoutes));
  app.route("/", createConsoleRoutes(findConsoleAssets()));

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
