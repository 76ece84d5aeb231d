import { z } from "@hono/zod-openapi";
import { agentParamsSchema, errorSchema } from "../../connectors/index.js";
import type { AgentSlot, Troupe } from "../../runtime/index.js";

export { agentParamsSchema };

/** The 404 of routes under `/agents/{name}`: the name is unknown; `agents` lists the names there are. */
export const unknownAgent = {
  404: {
    description: "No agent of that name; `agents` lists the names there are.",
    content: { "application/json": { schema: errorSchema.extend({ agents: z.array(z.string()) }) } },
  },
};

/** The agent's slot, or the body of the 404 that names the agents there are. */
export function findAgent(troupe: Troupe, name: string): { slot: AgentSlot } | { error: string; agents: string[] } {
  const slot = troupe.slot(name);
  if (slot) return { slot };
  return { error: `No agent named ${name}.`, agents: troupe.slots.map((each) => each.name) };
}
