import type { z } from "zod";
import type { InboundMessage } from "../messages/index.js";
import type { PluginMemory, PluginRuntime } from "./plugin-runtime.js";

/** What an action handler gets: the runtime, the message being answered, memory and a way to reply right away. */
export interface ActionContext extends PluginRuntime {
  /** Kept for handlers written before `agent` existed. */
  agentName: string;
  message: InboundMessage;
  memory: PluginMemory;
  /** Sends an extra message to the room now, before the agent's reply (progress, a long result). */
  reply(text: string): void;
}

/** What a handler returns: the text the model reads (and the offline model repeats), optionally with data. */
export type ActionResult = string | { text: string; data?: unknown };

/**
 * Something an agent can do, handed to the chat model as a tool. The offline
 * model recognises a request by the description and the examples, so give
 * several examples in the words users really use.
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
  /** Tool name: letters, digits, `_` and `-` (what model APIs accept). */
  name: string;
  description: string;
  /** Requests that should trigger this action, in the user's words. */
  examples?: string[];
  parameters: Schema;
  /** Only users listed in the character's `connectors.<platform>.admins` may run it. Default false. */
  admin?: boolean;
  /** Ask the user to confirm ("yes"/"no") before running it. Default false. */
  confirm?: boolean;
  /** Return false to refuse this message (the model is told the action does not apply). */
  validate?(ctx: ActionContext, args: z.infer<Schema>): boolean | Promise<boolean>;
  handler(ctx: ActionContext, args: z.infer<Schema>): ActionResult | Promise<ActionResult>;
}
