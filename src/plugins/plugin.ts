import type { z } from "zod";
import type { Action } from "./action.js";
import type { Evaluator } from "./evaluator.js";
import type { PluginStep } from "./plugin-step.js";
import type { Provider } from "./provider.js";
import type { Service } from "./service.js";

/** The plugin contract this version of Troupe implements. A plugin built for another version is refused. */
export const PLUGIN_API_VERSION = 1;

/** A bundle of actions, providers, evaluators, services and pipeline steps a character loads by name or path. */
export interface Plugin {
  /** The contract version the plugin was written for; `definePlugin` fills it in. */
  apiVersion: typeof PLUGIN_API_VERSION;
  name: string;
  description?: string;
  actions?: Action[];
  providers?: Provider[];
  evaluators?: Evaluator[];
  // biome-ignore lint/suspicious/noExplicitAny: each service has its own handle type.
  services?: Service<any>[];
  /** Steps added to every message's pipeline, before generate or after reply (see `PluginStep`). */
  steps?: PluginStep[];
  /**
   * SQL migrations for the plugin's own tables, run once each, in order,
   * before its services start; recorded under `plugin:<name>`. Append new
   * ones; never edit one that has shipped.
   */
  migrations?: readonly string[];
}

/** What `definePlugin` takes: a plugin without `apiVersion`, with each action's argument types inferred. */
export interface PluginDefinition extends Omit<Plugin, "apiVersion" | "actions"> {
  // biome-ignore lint/suspicious/noExplicitAny: actions have different parameter schemas.
  actions?: Action<any>[];
}

/**
 * Declares a plugin, stamping it with the API version. Export the result as
 * the module's default export.
 *
 * @example
 * export default definePlugin({
 *   name: "dice",
 *   actions: [defineAction({ name: "roll_dice", description: "Roll a die.", examples: ["roll a d20"],
 *     parameters: z.object({ sides: z.number().int().default(6) }),
 *     handler: (_ctx, { sides }) => `You rolled ${1 + Math.floor(Math.random() * sides)}.` })],
 * });
 */
export function definePlugin(definition: PluginDefinition): Plugin {
  return { ...definition, apiVersion: PLUGIN_API_VERSION, actions: definition.actions as Action[] | undefined };
}

/** Types an action's handler arguments from its zod `parameters`; returns the action unchanged. */
export function defineAction<Schema extends z.ZodType>(action: Action<Schema>): Action<Schema> {
  return action;
}
