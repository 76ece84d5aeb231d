import { resolve } from "node:path";
import { Hono, type MiddlewareHandler } from "hono";
import type { Troupe } from "../runtime/index.js";

/**
 * `POST /mcp`: the troupe's MCP tools over streamable HTTP (stateless, JSON
 * answers), behind `guards` (the API routes' token check) after the app's
 * own (host, JSON, body size). A stateless server has no stream to open
 * and no session to end, so `GET` and `DELETE` are refused with 405, as the
 * SDK's stateless examples do. `run_workflow` runs the files of `workflowsDir`, as `/workflows` does.
 * The MCP SDK loads on the first request, not at start.
 */
export function mcpRoutes(troupe: Troupe, guards: MiddlewareHandler[], workflowsDir: string): Hono {
  const app = new Hono();
  if (guards.length > 0) app.use("/mcp", ...guards);
  let handler: Promise<(request: Request) => Promise<Response>> | undefined;
  app.post("/mcp", async (c) => {
    handler ??= import("../mcp/index.js").then(({ createMcpHttpHandler }) =>
      createMcpHttpHandler({ troupe, logger: troupe.logger, workflowsDir: resolve(workflowsDir) }),
    );
    return (await handler)(c.req.raw);
  });
  app.on(["GET", "DELETE"], "/mcp", (c) =>
    c.json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed." }, id: null }, 405),
  );
  return app;
}
