import { z } from "zod";
import { TroupeError } from "../../errors/index.js";
import type { InboundMessage } from "../../messages/index.js";
import type { Action } from "../../plugins/index.js";
import { contentStems } from "../../text/index.js";
import type { DelegationRequest, DelegationResult } from "./delegator.js";
import type { LiveAgent } from "./registry.js";

/** A per-message `delegate` action, the helpers it used and the tasks they answered (filled in as it runs). */
export interface DelegateTool {
  action: Action;
  helpers: string[];
  delegations: DelegationRecord[];
}

/** One task a helper answered: who, for which capability, in how long, and the helper's trace of it. */
export interface DelegationRecord {
  capability: string;
  helper: string;
  taskId: string;
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  traceId?: string;
}

/** Options of `createDelegateAction`. */
export interface DelegateActionOptions {
  /** The agent that will delegate. */
  agent: string;
  /** The other live agents; the action is built from their capabilities. */
  others: LiveAgent[];
  message: InboundMessage;
  /** The asking message's trace; the tasks carry it (default: the delegated message's own chain). */
  traceId?: string;
  delegate(request: DelegationRequest): Promise<DelegationResult>;
  /** Time one helper gets. */
  timeoutMs?: number;
}

/** Built once: zod schemas are costly to construct, and this action is made afresh for every message. */
const DELEGATE_PARAMETERS = z.object({
  task: z.string().describe("the request, in full, as the helper should read it"),
  capability: z.string().optional().describe("which capability to ask for, by name (the description lists them)"),
});

/**
 * The built-in `delegate` action: hands a request to another agent of the
 * troupe by capability. Its description and examples list what the other
 * live agents can do, so a real model reads it as a tool and the offline
 * model picks it when a request matches another agent's capability. The
 * result names the helper ("Theo helped with research: …"); when nobody can
 * help, the result says so plainly.
 */
export function createDelegateAction(options: DelegateActionOptions): DelegateTool | undefined {
  const context = options.message.delegation;
  const offers = new Map<string, string>();
  // An agent already working on this request (it passed it here) cannot be asked again: leave its capabilities out.
  for (const agent of options.others.filter((other) => !context?.path.includes(other.name))) {
    for (const capability of agent.capabilities) {
      if (!offers.has(capability.name)) offers.set(capability.name, capability.description);
    }
  }
  if (offers.size === 0) return undefined;
  const helpers: string[] = [];
  const delegations: DelegationRecord[] = [];
  const listing = [...offers].map(([name, description]) => (description ? `${name} (${description})` : name));
  const action: Action = {
    name: "delegate",
    description: `Ask another agent of the troupe to do a task and return its answer. They can: ${listing.join("; ")}`,
    examples: [...offers].flatMap(([name, description]) => examplesFor(name, description)),
    parameters: DELEGATE_PARAMETERS,
    handler: async (_ctx, args: { task: string; capability?: string }) => {
      const task = args.task.trim() || options.message.text;
      const capability = args.capability ?? closestCapability(`${task} ${options.message.text}`, offers);
      const startedAt = Date.now();
      try {
        const result = await options.delegate({
          capability,
          input: task,
          from: options.agent,
          path: context?.path,
          traceId: options.traceId ?? context?.traceId,
          timeoutMs: options.timeoutMs,
        });
        helpers.push(result.agent);
        delegations.push({
          capability,
          helper: result.agent,
          taskId: result.taskId,
          startedAt,
          durationMs: result.latencyMs,
          traceId: result.traceId,
        });
        // Credit is for the person asking; an agent answering a task passes the helper's answer on plain, so
        // chains never read "Juno helped with introductions: Wren helped with write: …".
        return context ? result.text : `${result.agent} helped with ${capability}: ${result.text}`;
      } catch (error) {
        if (!TroupeError.isInstance(error)) throw error;
        return `I couldn't hand that over. ${error.message}`;
      }
    },
  };
  return { action, helpers, delegations };
}

/** "fact-check" + "Checks whether a claim…" → "can you fact-check this for me", "check whether a claim…". */
function examplesFor(name: string, description: string): string[] {
  const words = name.replace(/[-_]/g, " ");
  const clause = description.split(/[.:;,]/)[0]?.trim() ?? "";
  const examples = [`can you ${words} this for me`, `please ${words} something`];
  if (clause) examples.push(clause.replace(/^(\w+?)(?:(?<=ch|sh|ss|x)es|s)\b/i, "$1").toLowerCase());
  return examples;
}

/** The capability whose name and description share the most word stems with `text` ("story" finds "stories"). */
function closestCapability(text: string, offers: Map<string, string>): string {
  const words = new Set(contentStems(text));
  let best = { name: offers.keys().next().value as string, score: -1 };
  for (const [name, description] of offers) {
    // The name counts twice: "can you summarise this" is asking for that capability by name.
    const own = [...contentStems(name), ...new Set(contentStems(`${name} ${description}`))];
    let score = 0;
    for (const word of own) if (words.has(word)) score++;
    if (score > best.score) best = { name, score };
  }
  return best.name;
}
