/**
 * MCP servers as an agent's actions: a character's `mcp` servers (a program
 * over stdio or a streamable HTTP endpoint, as the operator allows) are
 * reached with the official SDK's client, and each allowed tool becomes an
 * action that the host runs with the same timeout and isolation as a
 * plugin's. A server that fails to start or dies turns its tools off with
 * one log line and is retried with backoff while the agent keeps working.
 */
export { createMcpToolsets } from "./create-mcp-toolsets.js";
export { McpServerUnavailableError } from "./mcp-server-unavailable-error.js";
export { McpToolError } from "./mcp-tool-error.js";
export { McpToolset, type McpToolsetOptions } from "./mcp-toolset.js";
export { toolActionName } from "./tool-to-action.js";
