import type { z } from "zod";
import type { InboundMessage } from "../connectors/index.js";

/** What an action handler gets: who asked, in which room, and the agent's name. */
export interface ActionContext {
  agentName: string;
  message: InboundMessage;
}

/**
 * Something an agent can do, handed to the chat model as a tool. The offline
 * model recognises a request by the description and the examples.
 *
 * @example
 * const roll: Action = {
 *   name: "roll_dice",
 *   description: "Roll a die with the given number of sides.",
 *   examples: ["roll a d20", "throw a dice"],
 *   parameters: z.object({ sides: z.number().int().default(6) }),
 *   handler: async (_ctx, { sides }) => `You rolled ${1 + Math.floor(Math.random() * sides)}.`,
 * };
 */
export interface Action<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  /** Requests that should trigger this action, in the user's words. */
  examples?: string[];
  parameters: Schema;
  handler(ctx: ActionContext, args: z.infer<Schema>): Promise<string> | string;
}
