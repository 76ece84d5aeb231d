import { z } from "zod";
import { PLUGIN_API_VERSION, type Plugin } from "./plugin.js";
import { STEP_POSITIONS } from "./plugin-step.js";

const isFunction = (value: unknown) => typeof value === "function";
const fn = z.custom<(...args: never[]) => unknown>(isFunction, { error: "expected a function" });

/** Any zod 4 schema, from whichever copy of zod the plugin imported. */
function isZodSchema(value: unknown): boolean {
  return typeof value === "object" && value !== null && "_zod" in value && isFunction((value as z.ZodType).safeParse);
}

const parametersSchema = z
  .custom<z.ZodType>(isZodSchema, { error: "expected a zod schema" })
  .refine((schema) => (schema as { _zod: { def: { type: string } } })._zod.def.type === "object", {
    error: "expected a zod object schema, z.object({ ... })",
  });

const actionSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "expected a name of letters, digits, _ and - (1-64)" }),
  description: z.string().min(1, { error: "expected a description of what the action does" }),
  examples: z.array(z.string()).optional(),
  parameters: parametersSchema,
  admin: z.boolean().optional(),
  confirm: z.boolean().optional(),
  validate: fn.optional(),
  handler: fn,
});

const namedHook = (member: "get" | "run" | "start") => z.object({ name: z.string().min(1), [member]: fn });

const stepSchema = z.object({
  name: z.string().min(1),
  at: z.enum(STEP_POSITIONS, { error: `expected one of ${STEP_POSITIONS.map((at) => `"${at}"`).join(", ")}` }),
  run: fn,
});

const pluginSchema = z.object({
  apiVersion: z.literal(PLUGIN_API_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? `expected apiVersion ${PLUGIN_API_VERSION}; create the plugin with definePlugin from "troupe"`
        : `expected apiVersion ${PLUGIN_API_VERSION} (the plugin API of this Troupe), got ${JSON.stringify(issue.input)}`,
  }),
  name: z.string().min(1),
  description: z.string().optional(),
  actions: z.array(actionSchema).optional(),
  providers: z.array(namedHook("get")).optional(),
  evaluators: z.array(namedHook("run")).optional(),
  services: z.array(namedHook("start").extend({ stop: fn.optional(), redeliver: fn.optional() })).optional(),
  steps: z.array(stepSchema).optional(),
  migrations: z.array(z.string().min(1, { error: "expected SQL" })).optional(),
});

/** The result of checking a module: the plugin, or one line per problem (`actions[1].parameters: expected …`). */
export type PluginCheck = { ok: true; plugin: Plugin } | { ok: false; problems: string[] };

/**
 * Checks what a plugin module exports (its default export, or a `plugin`
 * export). Recognises elizaOS plugins and says so instead of listing every
 * field they lack.
 */
export function checkPlugin(module: unknown): PluginCheck {
  const record = (module ?? {}) as Record<string, unknown>;
  const candidate = record.default ?? record.plugin;
  if (typeof candidate !== "object" || candidate === null) {
    return { ok: false, problems: ['expected a default export made with definePlugin from "troupe"'] };
  }
  if (looksLikeElizaPlugin(candidate)) {
    return {
      ok: false,
      problems: [
        "not a Troupe plugin: it looks like an elizaOS plugin (actions with similes, handlers taking a runtime); use a Troupe plugin or wrap it with definePlugin",
      ],
    };
  }
  const parsed = pluginSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(formatIssue) };
  // The checked object is returned as it was: parsing would strip unknown keys and copy the zod schemas.
  return { ok: true, plugin: candidate as Plugin };
}

function looksLikeElizaPlugin(candidate: object): boolean {
  if ("apiVersion" in candidate) return false;
  const actions = (candidate as { actions?: unknown }).actions;
  return (
    Array.isArray(actions) && actions.some((action) => typeof action === "object" && action && "similes" in action)
  );
}

function formatIssue(issue: z.core.$ZodIssue): string {
  let path = "";
  for (const key of issue.path) path += typeof key === "number" ? `[${key}]` : `${path ? "." : ""}${String(key)}`;
  return path ? `${path}: ${issue.message}` : issue.message;
}
