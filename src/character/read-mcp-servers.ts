import { type McpServerConfig, mcpServerSchema } from "./character.js";
import type { FileReport, JsonPath } from "./file-report.js";
import { isMcpCommandAllowed, isMcpUrlAllowed, type OperatorPolicy } from "./operator-policy.js";
import { reportZodIssues } from "./report-zod-issues.js";

/** More servers than this in one file is a mistake or an attack, not a character. */
const MAX_MCP_SERVERS = 16;

/**
 * Reads `mcp`: the MCP servers whose tools the agent may use. A server's
 * `command` runs a program on this machine, and a character file may come
 * from a stranger, so a command line the operator has not allowed in
 * `TROUPE_MCP_COMMANDS` is refused here, before anything runs; so is a URL
 * outside `TROUPE_MCP_URLS` (a request to an internal address is the
 * stranger's too). Names must be unique within the file.
 */
export function readMcpServers(
  report: FileReport,
  value: unknown,
  path: JsonPath,
  policy: OperatorPolicy,
): McpServerConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.problem(path, "expected an array of MCP servers", value);
    return [];
  }
  if (value.length > MAX_MCP_SERVERS) {
    report.problemText(path, `expected at most ${MAX_MCP_SERVERS} MCP servers`, `${value.length}`);
    return [];
  }
  const servers: McpServerConfig[] = [];
  value.forEach((item, index) => {
    const parsed = mcpServerSchema.safeParse(item);
    if (!parsed.success) {
      reportZodIssues(report, parsed.error.issues, [...path, index], item);
      return;
    }
    const server = parsed.data;
    if (server.command !== undefined && !isMcpCommandAllowed(policy, server.command, server.args)) {
      report.problemText(
        [...path, index, "command"],
        "expected a command line the operator allows in TROUPE_MCP_COMMANDS (a server's command runs a program on this machine)",
        JSON.stringify([server.command, ...server.args].join(" ")),
      );
    } else if (server.url !== undefined && !isMcpUrlAllowed(policy, server.url)) {
      report.problemText(
        [...path, index, "url"],
        "expected a URL the operator allows in TROUPE_MCP_URLS",
        JSON.stringify(server.url),
      );
    } else if (servers.some((other) => other.name === server.name)) {
      report.problemText(
        [...path, index, "name"],
        "expected a name no other MCP server uses",
        JSON.stringify(server.name),
      );
    } else {
      servers.push(server);
    }
  });
  return servers;
}
