import type { InboundMessage } from "../../messages/index.js";
import { createDelegateAction, type DelegateTool } from "./delegate-action.js";
import type { Delegator } from "./delegator.js";
import type { Registry } from "./registry.js";

/** What an agent needs to delegate: a fresh `delegate` tool for each message it answers. */
export interface AgentDelegation {
  /**
   * The `delegate` action for `agent` answering `message`, or undefined when no other live agent offers
   * anything. `traceId` is the asking message's trace: the tasks carry it, and helpers' traces link back to it.
   */
  toolFor(agent: string, message: InboundMessage, traceId?: string): DelegateTool | undefined;
}

/**
 * Delegation for the agents of one process: the action lists what the other
 * live agents can do right now (from the registry) and sends tasks through
 * the delegator.
 */
export function createAgentDelegation(options: {
  registry: Registry;
  delegator: Delegator;
  timeoutMs?: number;
}): AgentDelegation {
  return {
    toolFor(agent, message, traceId) {
      const others = options.registry.live().filter((live) => live.name !== agent);
      return createDelegateAction({
        agent,
        others,
        message,
        traceId,
        delegate: (request) => options.delegator.delegate(request),
        timeoutMs: options.timeoutMs,
      });
    },
  };
}

/** Adds who helped to a reply that does not name them already: "(Theo helped with this.)". */
export function creditHelpers(text: string, helpers: string[]): string {
  const missing = [...new Set(helpers)].filter((helper) => !text.includes(helper));
  if (missing.length === 0) return text;
  const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return `${text} (${names} helped with this.)`.trim();
}
