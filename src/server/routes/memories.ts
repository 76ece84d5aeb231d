import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { badRequest, errorSchema, validationHook } from "../../connectors/index.js";
import { AmbiguousUserError, type MemoryRecord, resolveUserId, searchMemories } from "../../memory/index.js";
import type { Troupe } from "../../runtime/index.js";
import { agentParamsSchema, findAgent, unknownAgent } from "./find-agent.js";

const memorySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(["message", "fact", "summary", "knowledge"]),
    text: z.string(),
    user: z.string().nullable(),
    room: z.string().nullable(),
    createdAt: z.number().openapi({ description: "Epoch ms" }),
    score: z
      .number()
      .optional()
      .openapi({ description: "Relevance weighed with recency and importance (search only)" }),
    relevance: z.number().optional().openapi({ description: "How well it matches the query, 0-1 (search only)" }),
  })
  .openapi("Memory");
const listQuerySchema = z.object({
  query: z.string().trim().max(1000).optional().openapi({ description: "Search for this; newest first without" }),
  user: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "A stored user id, or the name they chatted under" }),
  room: z.string().min(1).max(200).optional(),
  kind: z.enum(["message", "fact", "summary", "knowledge"]).optional().openapi({ description: "Listing only" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const listRoute = createRoute({
  method: "get",
  path: "/agents/{name}/memories",
  summary: "Search an agent's long-term memories (with `query`), or list them newest first",
  request: { params: agentParamsSchema, query: listQuerySchema },
  responses: {
    200: {
      description: "The memories, best or newest first",
      content: { "application/json": { schema: z.object({ memories: z.array(memorySchema) }) } },
    },
    ...badRequest,
    ...unknownAgent,
  },
});
const deleteRoute = createRoute({
  method: "delete",
  path: "/agents/{name}/memories/{id}",
  summary: "Forget one long-term memory",
  request: { params: agentParamsSchema.extend({ id: z.coerce.number().int().positive().openapi({ example: 42 }) }) },
  responses: {
    204: { description: "Forgotten" },
    ...badRequest,
    404: {
      description: "No such agent, or it has no memory of that id",
      content: { "application/json": { schema: errorSchema } },
    },
  },
});

/** `/agents/{name}/memories`: search, list and forget an agent's long-term memories. */
export function memoryRoutes(troupe: Troupe): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook() });

  app.openapi(listRoute, async (c) => {
    const found = findAgent(troupe, c.req.valid("param").name);
    if ("error" in found) return c.json(found, 404);
    const { query, user, room, kind, limit } = c.req.valid("query");
    const { agent } = found.slot;
    let userId: string | undefined;
    try {
      userId = resolveUserId(troupe.store, agent.name, user);
    } catch (error) {
      if (error instanceof AmbiguousUserError) return c.json({ error: `user: ${error.message}` }, 400);
      throw error;
    }
    agent.commitWaiting();
    const memories = query
      ? await searchMemories(agent.longTerm, query, { k: limit, userId, room })
      : agent.longTerm.recent({ limit, userId, room, kinds: kind ? [kind] : ["message", "fact", "summary"] });
    return c.json({ memories: memories.map(describe) }, 200);
  });

  app.openapi(deleteRoute, (c) => {
    const { name, id } = c.req.valid("param");
    const found = findAgent(troupe, name);
    if ("error" in found) return c.json(found, 404);
    const { agent } = found.slot;
    if (!agent.longTerm.has(id)) return c.json({ error: `${agent.name} has no memory ${id}.` }, 404);
    agent.longTerm.forget([id]);
    troupe.logger.info({ agent: agent.name, memory: id }, "memory forgotten through the API");
    return c.body(null, 204);
  });

  return app;
}

function describe(memory: MemoryRecord & { score?: number; relevance?: number }) {
  return {
    id: memory.id,
    kind: memory.kind,
    text: memory.text,
    user: memory.userId,
    room: memory.room,
    createdAt: memory.createdAt,
    ...(memory.score === undefined ? {} : { score: memory.score, relevance: memory.relevance }),
  };
}
