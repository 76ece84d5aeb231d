import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { McpServerConfig } from "../character/index.js";

/**
 * The SDK transport for a server: a child process spoken to over stdio, or
 * streamable HTTP. The child gets the SDK's short list of harmless
 * variables (`PATH`, `HOME`, `USER`, …), never the troupe's environment with
 * its keys; its standard error joins the troupe's, which is never the
 * protocol. Redirects to another origin are refused (the SDK's default), so
 * an allowed URL cannot send the troupe elsewhere.
 */
export function createTransport(server: McpServerConfig): Transport {
  if (server.url !== undefined) return new StreamableHTTPClientTransport(new URL(server.url));
  return new StdioClientTransport({ command: server.command ?? "", args: server.args, stderr: "inherit" });
}
