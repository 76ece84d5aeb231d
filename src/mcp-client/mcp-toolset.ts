import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { McpServerConfig } from "../character/index.js";
import { backoffDelay, type RetrySchedule } from "../model/index.js";
import type { Action, ActionSource } from "../plugins/index.js";
import { type ClientSdk, loadClientSdk } from "./client-sdk.js";
import { McpServerUnavailableError } from "./mcp-server-unavailable-error.js";
import { McpToolError } from "./mcp-tool-error.js";
import { toolResultText } from "./tool-result-text.js";
import { toolToAction } from "./tool-to-action.js";

/** More tools than this from one server are left out: each one goes into every prompt. */
const MAX_TOOLS = 64;
/** Pages of `tools/list` read before giving up on the rest. */
const MAX_PAGES = 8;
/** Time a server gets to start and list its tools, however short its calls' `timeoutMs` (a program takes a moment to start). */
const START_TIMEOUT_MS = 10_000;

export interface McpToolsetOptions {
  server: McpServerConfig;
  logger: Logger;
  /** Waits between attempts to reach a server that is down. Default: 1 s doubling to 60 s, with jitter. */
  retry?: RetrySchedule;
}

/**
 * One MCP server's tools as actions of one agent. `start` connects and
 * lists the tools the character allows; while the server is down (it did
 * not start, its process died, its URL stopped answering) the tools it had
 * stay listed but fail at once with `McpServerUnavailableError`, so the model
 * can tell the user, and the server is tried again with backoff. Coming back
 * and going down are one log line each.
 */
export class McpToolset implements ActionSource {
  readonly name: string;
  private readonly server: McpServerConfig;
  private readonly logger: Logger;
  private readonly retry: RetrySchedule;
  private client: Client | undefined;
  private sdk: ClientSdk | undefined;
  private listed: Action[] = [];
  private changes = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: McpToolsetOptions) {
    this.server = options.server;
    this.name = `mcp:${options.server.name}`;
    this.logger = options.logger.child({ mcp: options.server.name });
    this.retry = options.retry ?? { baseDelayMs: 1000, maxDelayMs: 60_000 };
  }

  get revision(): number {
    return this.changes;
  }

  /** True while the server is connected. */
  get up(): boolean {
    return this.client !== undefined;
  }

  actions(): readonly Action[] {
    return this.listed;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.close().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.sdk ??= await loadClientSdk();
    const client = new this.sdk.Client({ name: "troupe", version: "0.1.0" });
    const timeout = Math.max(this.server.timeoutMs, START_TIMEOUT_MS);
    try {
      await client.connect(this.sdk.createTransport(this.server), { timeout });
      const tools = await this.listTools(client, timeout);
      if (this.stopped) {
        await client.close();
        return;
      }
      // Set after the first handshake: a close before it is a failed attempt, handled below.
      client.onclose = () => this.lost(client, "its connection closed");
      this.client = client;
      this.listed = tools;
      this.changes++;
      this.failures = 0;
      this.logger.info({ tools: tools.map((tool) => tool.name) }, `MCP server ${this.server.name} is up`);
    } catch (error) {
      await client.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      if (this.failures === 0) {
        this.logger.warn(`MCP server ${this.server.name} could not start (${reason}); its tools are off, retrying`);
      } else {
        this.logger.debug({ reason, attempt: this.failures }, "MCP server still down");
      }
      this.scheduleRetry();
    }
  }

  /** The server's tools the character allows, as actions; a tool whose schema cannot be read is left out. */
  private async listTools(client: Client, timeout: number): Promise<Action[]> {
    const allowed = this.server.tools ? new Set(this.server.tools) : undefined;
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES && tools.length < MAX_TOOLS; page++) {
      const result = await client.listTools(cursor ? { cursor } : undefined, { timeout });
      tools.push(...result.tools.filter((tool) => !allowed || allowed.has(tool.name)));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    const actions: Action[] = [];
    for (const tool of tools.slice(0, MAX_TOOLS)) {
      const action = toolToAction(this.server.name, tool, (name, args) => this.call(name, args));
      if (action) actions.push(action);
      else this.logger.warn({ tool: tool.name }, "MCP tool left out: its input schema could not be read");
    }
    return actions;
  }

  private async call(tool: string, args: Record<string, unknown>): Promise<string> {
    const { client, sdk } = this;
    if (!client || !sdk) throw new McpServerUnavailableError({ server: this.server.name });
    const { ErrorCode, McpError } = sdk;
    let answer: unknown;
    try {
      answer = await client.callTool({ name: tool, arguments: args }, undefined, { timeout: this.server.timeoutMs });
    } catch (error) {
      // The connection is gone (an HTTP server stopped answering); a timeout or a refused call is not.
      const timedOut = error instanceof McpError && error.code === ErrorCode.RequestTimeout;
      const protocol = error instanceof McpError && error.code !== ErrorCode.ConnectionClosed;
      if (!timedOut && !protocol) this.lost(client, error instanceof Error ? error.message : String(error));
      throw error;
    }
    const result = sdk.CallToolResultSchema.safeParse(answer);
    if (!result.success) throw new McpToolError({ server: this.server.name, tool, detail: "an unreadable result" });
    const text = toolResultText(result.data);
    if (result.data.isError) throw new McpToolError({ server: this.server.name, tool, detail: text || "no detail" });
    return text;
  }

  private lost(client: Client, reason: string): void {
    if (client !== this.client || this.stopped) return;
    this.client = undefined;
    this.changes++;
    this.logger.warn(`MCP server ${this.server.name} stopped (${reason}); its tools are off, retrying`);
    void client.close().catch(() => undefined);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.failures++, this.retry);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delay);
    // A retry never keeps the process alive on its own.
    this.timer.unref();
  }
}
