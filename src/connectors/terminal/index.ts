/**
 * The terminal connector behind `troupe chat`: one user, one agent, one
 * line per message.
 */
export { createTerminalConnector, TerminalConnector, type TerminalConnectorOptions } from "./terminal-connector.js";
