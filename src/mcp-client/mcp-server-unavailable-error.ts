import { TroupeError } from "../errors/index.js";

/** A tool of an MCP server was called while the server is down (its tools are off until it is back). */
export class McpServerUnavailableError extends TroupeError {
  readonly server: string;

  constructor(options: { server: string }) {
    super({
      code: "MCP_SERVER_UNAVAILABLE",
      category: "THIRD_PARTY",
      message: `The MCP server ${options.server} is not reachable right now; its tools are off until it is back.`,
    });
    this.server = options.server;
  }
}
