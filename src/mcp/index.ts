/**
 * The troupe as an MCP server, with the official SDK: tools to talk to an
 * agent as a user, search its memory, read a user's working memory, teach it
 * something, delegate a task by capability, run a workflow, and see the
 * system's state. `troupe mcp` serves them over stdio (for desktop MCP
 * clients); the HTTP app serves them over streamable HTTP at `/mcp`, behind
 * the API's guards and token. Inputs are checked with zod; every failure is
 * a tool error, never a crash; logs never touch standard output.
 */
export { createTroupeMcpServer } from "./create-troupe-mcp-server.js";
export { createMcpHttpHandler } from "./mcp-http-handler.js";
export { NoSuchAgentError } from "./no-such-agent-error.js";
export { serveMcpStdio } from "./serve-mcp-stdio.js";
export type { TroupeToolContext } from "./troupe-tool.js";
