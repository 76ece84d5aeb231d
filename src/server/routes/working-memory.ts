import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { badRequest, jsonResponse, requireJsonBody, validationHook } from "../../connectors/index.js";
import { AmbiguousUserError, correctUserFacts, readUserWorkingMemory, resolveUserId } from "../../memory/index.js";
import type { Troupe } from "../../runtime/index.js";
import { agentParamsSchema, findAgent, unknownAgent } from "./find-agent.js";

const workingMemorySchema = z
  .object({
    user: z.string().openapi({ description: "As given in the path" }),
    userId: z.string().openapi({ description: "The stored id it resolved to, e.g. http:ada" }),
    facts: z.array(z.object({ key: z.string(), value: z.string() })),
    history: z.array(z.object({ key: z.string(), value: z.string(), until: z.number() })),
    goals: z.array(z.string()).openapi({ description: "Open goals of the rooms only this user talked in" }),
    updatedAt: z.number(),
  })
  .openapi("WorkingMemory");
const userParamsSchema = agentParamsSchema.extend({
  user: z.string().min(1).max(200).openapi({ description: "A stored user id, or the name they chatted under" }),
});
const FACT_KEY = /^[\p{L}\p{N}_ -]+$/u;
const patchSchema = z
  .object({
    facts: z
      .record(
        z.string().min(1).max(64).regex(FACT_KEY, "letters, digits, spaces, _ and - only"),
        z.string().trim().min(1).max(500).nullable(),
      )
      .refine((facts) => Object.keys(facts).length > 0, "name at least one fact")
      .refine((facts) => Object.keys(facts).length <= 100, "at most 100 facts at once")
      .openapi({ description: "Each key set to its new value, or removed with null", example: { city: "Lima" } }),
  })
  .strict()
  .openapi("WorkingMemoryPatch");

const readRoute = createRoute({
  method: "get",
  path: "/agents/{name}/users/{user}/working-memory",
  summary: "What the agent holds about a user: profile facts, replaced facts and open goals",
  request: { params: userParamsSchema },
  responses: {
    200: jsonResponse(workingMemorySchema, "The user's working memory"),
    ...badRequest,
    ...unknownAgent,
  },
});
const patchRoute = createRoute({
  method: "patch",
  path: "/agents/{name}/users/{user}/working-memory",
  summary: "Correct a user's profile facts; a replaced value moves to history",
  middleware: [requireJsonBody('{"facts": {"key": "value or null"}}')],
  request: {
    params: userParamsSchema,
    body: { required: true, content: { "application/json": { schema: patchSchema } } },
  },
  responses: {
    200: jsonResponse(workingMemorySchema, "The updated working memory"),
    ...badRequest,
    ...unknownAgent,
  },
});

/** `/agents/{name}/users/{user}/working-memory`: read and correct what an agent holds about a user. */
export function workingMemoryRoutes(troupe: Troupe): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook() });
  const locate = (name: string, user: string) => {
    const found = findAgent(troupe, name);
    if ("error" in found) return { status: 404 as const, body: found };
    try {
      const userId = resolveUserId(troupe.store, found.slot.name, user) as string;
      return { agent: found.slot.agent, userId };
    } catch (error) {
      if (error instanceof AmbiguousUserError)
        return { status: 400 as const, body: { error: `user: ${error.message}` } };
      throw error;
    }
  };

  app.openapi(readRoute, (c) => {
    const { name, user } = c.req.valid("param");
    const located = locate(name, user);
    if ("status" in located) return located.status === 404 ? c.json(located.body, 404) : c.json(located.body, 400);
    const memory = readUserWorkingMemory(troupe.store, located.agent.working, located.agent.name, located.userId);
    return c.json({ user, ...memory }, 200);
  });

  app.openapi(patchRoute, (c) => {
    const { name, user } = c.req.valid("param");
    const located = locate(name, user);
    if ("status" in located) return located.status === 404 ? c.json(located.body, 404) : c.json(located.body, 400);
    const { agent, userId } = located;
    correctUserFacts(agent.working, userId, c.req.valid("json").facts);
    troupe.logger.info({ agent: agent.name, user: userId }, "working memory corrected through the API");
    return c.json({ user, ...readUserWorkingMemory(troupe.store, agent.working, agent.name, userId) }, 200);
  });

  return app;
}
