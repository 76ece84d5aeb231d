import type { Action } from "./action.js";

/**
 * Actions that come and go while the agent runs, such as an MCP server's
 * tools: listed once the server is up, and failing at once, politely, while
 * it is down. The host asks for them on every message; `revision` grows
 * whenever the list changes, so tools bound to the model are rebuilt only
 * then. `start` resolves once the first attempt to reach the source is over
 * (up or not); it never throws. `stop` releases what it holds.
 */
export interface ActionSource {
  readonly name: string;
  readonly revision: number;
  actions(): readonly Action[];
  start(): Promise<void>;
  stop(): Promise<void>;
}
