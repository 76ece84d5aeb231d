import { Hono } from "hono";
import { z } from "zod";
import type { Troupe } from "../runtime/index.js";

const messageBodySchema = z.object({
  user: z.string().trim().min(1).max(200),
  text: z.string().max(1_000_000),
});

/**
 * The HTTP API:
 * - `GET /health` → `{ status: "ok", agents: [names] }`
 * - `POST /agents/:name/messages` with `{ user, text }` → `{ reply, actions }`. `:name` is the
 *   character's name, URL-encoded, matched ignoring case. Each user has a direct room per agent.
 */
export function createApp(troupe: Troupe): Hono {
  const app = new Hono();

  app.get("/health", (c) => c.json({ status: "ok", agents: troupe.agents.map((agent) => agent.name) }));

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
