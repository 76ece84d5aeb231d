import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { delegateTaskTool } from "./tools/delegate-task-tool.js";
import { runWorkflowTool } from "./tools/run-workflow-tool.js";
import { searchMemoryTool } from "./tools/search-memory-tool.js";
import { sendMessageTool } from "./tools/send-message-tool.js";
import { storeKnowledgeTool } from "./tools/store-knowledge-tool.js";
import { systemStatusTool } from "./tools/system-status-tool.js";
import { workingMemoryTool } from "./tools/working-memory-tool.js";
import { registerTroupeTool, type TroupeToolContext } from "./troupe-tool.js";

/** Every tool the troupe offers MCP clients, in the order they are listed. */
const TOOLS = [
  sendMessageTool,
  searchMemoryTool,
  workingMemoryTool,
  storeKnowledgeTool,
  delegateTaskTool,
  runWorkflowTool,
  systemStatusTool,
];

/**
 * An MCP server (the official SDK's `McpServer`) whose tools reach a
 * running troupe. Connect it to one transport: stdio for `troupe mcp`, or a
 * streamable HTTP transport per request under the HTTP API.
 */
export function createTroupeMcpServer(ctx: TroupeToolContext): McpServer {
  const server = new McpServer({ name: "troupe", version: "0.1.0" });
  for (const tool of TOOLS) registerTroupeTool(server, tool as Parameters<typeof registerTroupeTool>[1], ctx);
  return server;
}
