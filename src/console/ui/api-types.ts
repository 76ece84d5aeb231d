/** The shapes the console reads from the HTTP API (/work/api-contract.md, as served by src/server). */

export type AgentState = "running" | "paused";

export interface AgentSummary {
  name: string;
  state: AgentState;
  model: string;
  capabilities: string[];
  connectors: string[];
}

/** What `POST /agents/:name/messages` answers, and the `done` event of its stream. */
export interface ReplyResult {
  reply: string | null;
  actions: unknown[];
  traceId?: string;
}

export interface Fact {
  key: string;
  value: string;
}

export interface WorkingMemory {
  user: string;
  facts: Fact[];
  goals?: string[];
}

export interface LongTermMemory {
  id: number | string;
  text: string;
  user?: string;
  room?: string;
  createdAt: number | string;
  score?: number;
}

export interface TraceStep {
  name: string;
  startedAt: number | string;
  durationMs: number;
  /** What the step noted about its work, when it noted something. */
  detail?: string;
}

export interface Trace {
  id: string;
  agent: string;
  user: string;
  text: string;
  durationMs: number;
  reply?: string;
  /** Why the turn failed, when it did. */
  error?: string;
  steps: TraceStep[];
  recalled: { id?: number | string; text: string; score: number; kind: string }[];
  prompt?: { sections: { name: string; tokens: number }[]; totalTokens: number };
  tools: { name: string; args: unknown; result?: unknown; error?: string; durationMs: number }[];
  delegations: { capability: string; helper: string; taskId: string; durationMs: number; traceId?: string }[];
}

export interface BusTask {
  id: string;
  capability: string;
  from: string;
  to?: string;
  state: string;
  createdAt: number | string;
  updatedAt: number | string;
  result?: unknown;
  error?: string;
}

export interface WorkflowStepDefinition {
  id: string;
  capability: string;
  needs: string[];
}

export interface WorkflowDefinition {
  name: string;
  steps: WorkflowStepDefinition[];
}

export interface WorkflowRun {
  id: string;
  workflow: string;
  state: string;
  steps: { id: string; state: string }[];
  createdAt: number | string;
}
