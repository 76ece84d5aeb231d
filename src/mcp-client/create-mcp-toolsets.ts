import type { Logger } from "pino";
import type { McpServerConfig } from "../character/index.js";
import type { RetrySchedule } from "../model/index.js";
import { McpToolset } from "./mcp-toolset.js";

/** One toolset per MCP server of a character (its `mcp`, already allowed by the operator when it was read). */
export function createMcpToolsets(
  servers: readonly McpServerConfig[],
  options: { logger: Logger; retry?: RetrySchedule },
): McpToolset[] {
  return servers.map((server) => new McpToolset({ server, ...options }));
}
