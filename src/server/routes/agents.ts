import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { CharacterFileError } from "../../character/index.js";
import { errorSchema, jsonResponse, validationHook } from "../../connectors/index.js";
import { TroupeError } from "../../errors/index.js";
import { AgentReloadingError, type AgentSlot, type Troupe } from "../../runtime/index.js";
import { agentParamsSchema, findAgent, unknownAgent } from "./find-agent.js";

const agentSchema = z
  .object({
    name: z.string(),
    state: z.enum(["running", "paused"]),
    model: z.string().openapi({ description: "The chat model it runs on" }),
    capabilities: z.array(z.string()).openapi({ description: "What other agents may delegate to it" }),
    connectors: z.array(z.string()).openapi({ description: "Platforms that carry its messages" }),
  })
  .openapi("Agent");
const agentDetailSchema = agentSchema.extend({ bio: z.string().optional() }).openapi("AgentDetail");
const stateSchema = z.object({ name: z.string(), state: z.enum(["running", "paused"]) }).openapi("AgentState");

const listRoute = createRoute({
  method: "get",
  path: "/agents",
  summary: "List the agents with their state, model, capabilities and connectors",
  responses: { 200: jsonResponse(z.object({ agents: z.array(agentSchema) }), "Every agent of the troupe") },
});
const getRoute = createRoute({
  method: "get",
  path: "/agents/{name}",
  summary: "One agent, with its bio",
  request: { params: agentParamsSchema },
  responses: { 200: jsonResponse(agentDetailSchema, "The agent"), ...unknownAgent },
});
const stateRoute = (action: "pause" | "resume") =>
  createRoute({
    method: "post",
    path: `/agents/{name}/${action}`,
    summary:
      action === "pause"
        ? "Pause an agent: it records messages and answers none (HTTP messages get 409) until resumed"
        : "Resume a paused agent; proactive messages held while paused go out",
    request: { params: agentParamsSchema },
    responses: { 200: jsonResponse(stateSchema, "The agent's state now"), ...unknownAgent },
  });
const reloadRoute = createRoute({
  method: "post",
  path: "/agents/{name}/reload",
  summary: "Reread the agent's character file and swap the new agent in; the others keep running",
  description:
    "An invalid file (or a plugin or model key it cannot load) answers 400 with its problems, and the running agent keeps running.",
  request: { params: agentParamsSchema },
  responses: {
    200: jsonResponse(stateSchema, "The reloaded agent (its name is the file's, should the file rename it)"),
    400: jsonResponse(
      errorSchema.extend({ problems: z.array(z.string()) }),
      "The file cannot be loaded; nothing changed",
    ),
    ...unknownAgent,
    409: jsonResponse(errorSchema, "A reload of this agent is already under way"),
  },
});

/** `/agents`: list and inspect the agents, pause, resume and reload them. */
export function agentRoutes(troupe: Troupe): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook() });
  const describe = (slot: AgentSlot) => ({
    name: slot.name,
    state: slot.status,
    model: slot.agent.modelDescription,
    capabilities: slot.character.capabilities.map((capability) => capability.name),
    connectors: troupe.connected
      .filter((connector) => connector.serves?.(slot.name) ?? true)
      .map((connector) => connector.platform),
  });

  app.openapi(listRoute, (c) => c.json({ agents: troupe.slots.map(describe) }, 200));

  app.openapi(getRoute, (c) => {
    const found = findAgent(troupe, c.req.valid("param").name);
    if ("error" in found) return c.json(found, 404);
    const bio = found.slot.character.bio.join(" ");
    return c.json({ ...describe(found.slot), ...(bio ? { bio } : {}) }, 200);
  });

  app.openapi(stateRoute("pause"), (c) => {
    const found = findAgent(troupe, c.req.valid("param").name);
    if ("error" in found) return c.json(found, 404);
    found.slot.pause();
    troupe.logger.info({ agent: found.slot.name }, "paused");
    return c.json({ name: found.slot.name, state: found.slot.status }, 200);
  });

  app.openapi(stateRoute("resume"), async (c) => {
    const found = findAgent(troupe, c.req.valid("param").name);
    if ("error" in found) return c.json(found, 404);
    await found.slot.resume();
    troupe.logger.info({ agent: found.slot.name }, "resumed");
    return c.json({ name: found.slot.name, state: found.slot.status }, 200);
  });

  app.openapi(reloadRoute, async (c) => {
    const found = findAgent(troupe, c.req.valid("param").name);
    if ("error" in found) return c.json(found, 404);
    try {
      const slot = await troupe.reload(found.slot.name);
      return c.json({ name: slot.name, state: slot.status }, 200);
    } catch (error) {
      if (error instanceof AgentReloadingError) return c.json({ error: error.message }, 409);
      if (error instanceof CharacterFileError) {
        const count = error.problems.length === 1 ? "a problem" : `${error.problems.length} problems`;
        return c.json(
          { error: `${error.file} has ${count}; ${found.slot.name} keeps running.`, problems: error.problems },
          400,
        );
      }
      // A plugin that does not load, a model key refused, a name another agent has: the file's fault, said in one line.
      if (TroupeError.isInstance(error) && error.category !== "SYSTEM") {
        return c.json({ error: `${error.message} ${found.slot.name} keeps running.`, problems: [error.message] }, 400);
      }
      throw error;
    }
  });

  return app;
}
