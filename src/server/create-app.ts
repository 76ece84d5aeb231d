import { Hono } from "hono";
import { z } from "zod";
import { cleanIdentity, cleanMessageText, MAX_NAME_LENGTH } from "../connectors/index.js";
import type { Troupe } from "../runtime/index.js";
import { type ApiGuardOptions, createApiGuards } from "./api-guard.js";

const messageBodySchema = z.object({
  // Cleaned before the length check: control characters and invisible overrides do not count, nor pass.
  user: z
    .string()
    .max(1000)
    .transform((user) => cleanIdentity(user, MAX_NAME_LENGTH))
    .pipe(z.string().min(1)),
  text: z.string().max(1_000_000).transform(cleanMessageText),
});

/**
 * The HTTP API:
 * - `GET /health` → `{ status: "ok", agents: [names], connectors: [{ platform, connectedAs, ...health }] }`:
 *   each started connector, with what it reports (the X connector: today's calls and estimated cost)
 * - `POST /agents/:name/messages` with `{ user, text }` → `{ reply, actions }`. `:name` is the
 *   character's name, URL-encoded, matched ignoring case. Each user has a direct room per agent;
 *   the user name is cleaned of control and invisible characters and cut to 64 characters.
 *
 * Every request passes the guards of `createApiGuards` first (host, JSON, body size, token):
 * `options` says what the server is bound to and what the operator allows.
 */
export function createApp(troupe: Troupe, options: ApiGuardOptions = { host: "127.0.0.1" }): Hono {
  const app = new Hono();
  const guards = createApiGuards(options);
  app.use("*", ...guards.everyRequest);
  if (guards.apiRoutes.length > 0) app.use("/agents/*", ...guards.apiRoutes);

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

  app.post("/agents/:name/messages", async (c) => {
    const name = c.req.param("name");
    const agent = troupe.agent(name);
    if (!agent) {
      return c.json({ error: `No agent named ${name}.`, agents: troupe.agents.map((known) => known.name) }, 404);
    }
    const body = messageBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      return c.json(
        { error: 'Expected a JSON body {"user": string, "text": string}.', issues: body.error.issues },
        400,
      );
    }
    const { user, text } = body.data;
    const reply = await agent.handle({
      platform: "http",
      room: { id: `http:${user}`, kind: "direct" },
      user: { id: `http:${user}`, name: user },
      text,
    });
    return c.json({ reply: reply?.text ?? null, actions: reply?.actions ?? [] });
  });

  // Webhooks of the connectors (a Telegram bot in webhook mode): each checks its own secret.
  app.post("*", (c) => {
    const handler = troupe.webhooks.find(c.req.path);
    return handler ? handler(c.req.raw) : c.json({ error: "Not found." }, 404);
  });

  app.onError((error, c) => {
    troupe.logger.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: "Internal error." }, 500);
  });

  return app;
}
