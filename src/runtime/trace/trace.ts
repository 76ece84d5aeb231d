import type { DelegationRecord } from "../../bus/index.js";

/** One step of the pipeline as a trace shows it: when it started (epoch ms), its own time, and what it noted. */
export interface TraceStep {
  name: string;
  startedAt: number;
  /** The step's own time, without the steps it ran through `next`. */
  durationMs: number;
  detail?: string;
}

/** A memory recall brought to the prompt, with the score that ranked it. */
export interface TraceRecall {
  id?: number;
  text: string;
  score: number;
  /** `message`, `fact`, `summary` or `knowledge`. */
  kind: string;
}

/** The prompt the model read: each part and its estimated tokens. */
export interface TracePrompt {
  sections: { name: string; tokens: number }[];
  totalTokens: number;
}

/** One action the model called (the built-in `delegate` included). */
export interface TraceTool {
  name: string;
  /** Epoch ms. */
  startedAt: number;
  args: unknown;
  result?: string;
  error?: string;
  durationMs: number;
}

/** One task handed to another agent, who answered it, and that agent's own trace (readable in its process). */
export type TraceDelegation = DelegationRecord;

/** A recent message as `GET /agents/:name/traces` lists it. */
export interface TraceSummary {
  id: string;
  agent: string;
  platform: string;
  user: string;
  room: string;
  /** The message (the first 200 characters). */
  text: string;
  startedAt: number;
  durationMs: number;
  reply?: string;
  /** The trace of the agent that delegated this message (a task on the bus). */
  parentId?: string;
  error?: string;
}

/**
 * What happened to one message: each step with its time, the memories
 * recalled, the prompt's parts, the actions run and the agents asked for help.
 */
export interface Trace extends TraceSummary {
  steps: TraceStep[];
  recalled: TraceRecall[];
  prompt: TracePrompt;
  tools: TraceTool[];
  delegations: TraceDelegation[];
}
