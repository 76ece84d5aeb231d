import { resolve } from "node:path";
import { serveMcpStdio } from "../../mcp/index.js";
import { createLogger } from "../../runtime/index.js";
import type { Config } from "../read-config.js";
import { startConfiguredTroupe } from "../start-configured-troupe.js";

export interface McpOptions {
  paths: string[];
  dataDir?: string;
  /** `redis://…`: share the bus with troupes in other processes. */
  bus?: string;
  /** Folder of the workflows `run_workflow` may run. Default: TROUPE_WORKFLOWS_DIR (`workflows/`). */
  workflows?: string;
}

/**
 * `troupe mcp`: runs every character in `characters/` (or the given files
 * and folders) and serves them to an MCP client on standard input and
 * output, until the client closes standard input or a signal stops it.
 * Standard output carries only the protocol: logs (and any problem at
 * start) go to standard error.
 */
export async function mcpCommand(options: McpOptions, config: Config): Promise<void> {
  keepConsoleOffStdout();
  const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
  const troupe = await startConfiguredTroupe(options, config, logger);
  const stop = () => void troupe.stop().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    logger.info({ agents: troupe.agents.map((agent) => agent.name) }, "serving the troupe over MCP on stdio");
    await serveMcpStdio({ troupe, logger, workflowsDir: resolve(options.workflows ?? config.TROUPE_WORKFLOWS_DIR) });
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await troupe.stop();
  }
}

/**
 * Standard output is the protocol: one stray `console.log` (a plugin's, a
 * library's) would be a line the client cannot parse. The console's
 * output-writing methods go to standard error instead, for this process.
 */
function keepConsoleOffStdout(): void {
  for (const method of ["log", "info", "debug", "dir", "table"] as const) {
    console[method] = (...args: unknown[]) => console.error(...args);
  }
}
