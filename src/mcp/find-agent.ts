import type { Agent, Troupe } from "../runtime/index.js";
import { NoSuchAgentError } from "./no-such-agent-error.js";

/** The troupe's agent of that name (any case), or `NoSuchAgentError` listing the agents there are. */
export function findAgent(troupe: Troupe, name: string): Agent {
  const agent = troupe.agent(name);
  if (!agent) throw new NoSuchAgentError({ agent: name, available: troupe.agents.map((each) => each.name) });
  return agent;
}

/**
 * The stored id of a user an MCP client names: an id as stored
 * (`terminal:ada`, `http:ada`) is kept, a bare name is the user of that name
 * who talks over MCP (`mcp:ada`).
 */
export function mcpUserId(user: string): string {
  return user.includes(":") ? user : `mcp:${user}`;
}
