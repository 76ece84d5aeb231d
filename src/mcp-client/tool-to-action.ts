import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Action } from "../plugins/index.js";

/** A tool's description is cut here: it goes into every prompt, and a server may be careless or hostile. */
const MAX_DESCRIPTION_CHARS = 1024;

/**
 * The action name of an MCP tool: `<server>_<tool>`, in the letters model
 * APIs accept, at most 64 characters. The server's name keeps two servers'
 * `search` tools apart.
 */
export function toolActionName(server: string, tool: string): string {
  return `${server}_${tool}`.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
}

/**
 * An MCP tool as an action: its description (which the offline model
 * matches like any action's), its input JSON Schema as the parameters (real
 * models get the schema back as the tool's), and a handler that calls the
 * tool. Undefined when the schema cannot be read.
 */
export function toolToAction(
  server: string,
  tool: Tool,
  call: (name: string, args: Record<string, unknown>) => Promise<string>,
): Action | undefined {
  let parameters: z.ZodType;
  try {
    parameters = z.fromJSONSchema(tool.inputSchema as z.core.JSONSchema.JSONSchema);
  } catch {
    return undefined;
  }
  const description = (tool.description ?? tool.title ?? tool.name).slice(0, MAX_DESCRIPTION_CHARS);
  return {
    name: toolActionName(server, tool.name),
    description,
    parameters,
    handler: (_ctx, args) => call(tool.name, (args ?? {}) as Record<string, unknown>),
  };
}
