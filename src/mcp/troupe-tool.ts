import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { z } from "zod";
import { redactSecrets, TroupeError } from "../errors/index.js";
import type { Troupe } from "../runtime/index.js";

/** What every tool of the troupe's MCP server can reach. */
export interface TroupeToolContext {
  troupe: Troupe;
  /** Folder of the workflow files `run_workflow` may run (`workflows/` of the project). */
  workflowsDir: string;
  logger: Logger;
}

/** One tool the troupe offers MCP clients: a name, what it does, its zod input, and what it answers. */
export interface TroupeTool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: Shape;
  run(ctx: TroupeToolContext, args: z.infer<z.ZodObject<Shape>>): Promise<string | { text: string; data: object }>;
}

/** Types a tool's `run` arguments from its input shape; returns the tool unchanged. */
export function defineTroupeTool<Shape extends z.ZodRawShape>(tool: TroupeTool<Shape>): TroupeTool<Shape> {
  return tool;
}

/**
 * Registers a tool on an MCP server. The SDK checks the input against the
 * zod shape (a bad one comes back as a tool error naming the field); a throw
 * in `run` comes back as a tool error too (`isError`), with Troupe's own
 * error message or, for anything unexpected, a short one while the cause is
 * logged (on standard error, never standard output). Nothing a client sends
 * can crash the server.
 */
export function registerTroupeTool<Shape extends z.ZodRawShape>(
  server: McpServer,
  tool: TroupeTool<Shape>,
  ctx: TroupeToolContext,
): void {
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema: tool.input },
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's callback type is generic over zod 3 and 4 shapes.
    (async (args: any): Promise<CallToolResult> => {
      try {
        const result = await tool.run(ctx, args);
        if (typeof result === "string") return { content: [{ type: "text", text: result }] };
        return {
          content: [{ type: "text", text: result.text }],
          structuredContent: result.data as Record<string, unknown>,
        };
      } catch (error) {
        const known = TroupeError.isInstance(error);
        if (!known) ctx.logger.error({ err: error, tool: tool.name }, "MCP tool failed");
        const message = known ? error.message : `${tool.name} failed: ${(error as Error)?.message ?? String(error)}`;
        return { content: [{ type: "text", text: redactSecrets(message) }], isError: true };
      }
    }) as never,
  );
}
