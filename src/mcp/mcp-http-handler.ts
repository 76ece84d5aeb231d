import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createTroupeMcpServer } from "./create-troupe-mcp-server.js";
import type { TroupeToolContext } from "./troupe-tool.js";

/**
 * The troupe's MCP tools over streamable HTTP, statelessly: each request
 * gets its own server and transport (the SDK's web-standard one, so it
 * plugs into Hono as it is), answered as JSON. Guards (host, token, body
 * size) are the HTTP app's, applied before this runs.
 */
export function createMcpHttpHandler(ctx: TroupeToolContext): (request: Request) => Promise<Response> {
  return async (request) => {
    const server = createTroupeMcpServer(ctx);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      await server.close();
    }
  };
}
