import { TroupeError } from "../errors/index.js";

/** An MCP server answered a tool call with an error result (`isError`). */
export class McpToolError extends TroupeError {
  readonly server: string;
  readonly tool: string;

  constructor(options: { server: string; tool: string; detail: string }) {
    super({
      code: "MCP_TOOL_ERROR",
      category: "THIRD_PARTY",
      message: `The MCP tool ${options.tool} of ${options.server} failed: ${options.detail}`,
    });
    this.server = options.server;
    this.tool = options.tool;
  }
}
