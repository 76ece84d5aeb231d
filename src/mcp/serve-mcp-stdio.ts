import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createTroupeMcpServer } from "./create-troupe-mcp-server.js";
import type { TroupeToolContext } from "./troupe-tool.js";

/**
 * Serves the troupe's MCP tools on standard input and output and resolves
 * when the client goes away (standard input closes). Standard output is the
 * protocol: nothing else may write to it while this runs (logs go to
 * standard error).
 */
export async function serveMcpStdio(ctx: TroupeToolContext): Promise<void> {
  const server = createTroupeMcpServer(ctx);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = () => done();
  });
  // The SDK's stdio transport does not notice the end of input by itself.
  process.stdin.once("end", () => void server.close());
  await server.connect(transport);
  await closed;
}
