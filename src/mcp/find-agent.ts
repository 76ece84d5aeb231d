import { cleanIdentity, MAX_NAME_LENGTH } from "../connectors/index.js";
import type { Agent, Troupe } from "../runtime/index.js";
import { NoSuchAgentError } from "./no-such-agent-error.js";

/** The troupe's agent of that name (any case), or `NoSuchAgentError` listing the agents there are. */
export function findAgent(troupe: Troupe, name: string): Agent {
  const agent = troupe.agent(name);
  if (!agent) throw new NoSuchAgentError({ agent: name, available: troupe.agents.map((each) => each.name) });
  return agent;
}

/**
 * Who an MCP client names, cleaned as every connector cleans what strangers
 * send (control and invisible characters out, at most 64 characters): the
 * stored id (an id as stored, `terminal:ada` or `http:ada`, is kept; a bare
 * name is the user of that name who talks over MCP, `mcp:ada`) and the name.
 */
export function mcpUser(user: string): { id: string; name: string } {
  const clean = cleanIdentity(user, MAX_NAME_LENGTH) || "guest";
  const id = clean.includes(":") ? clean : `mcp:${clean}`;
  return { id, name: id.slice(id.indexOf(":") + 1) || clean };
}
