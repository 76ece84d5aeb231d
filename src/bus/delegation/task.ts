import { z } from "zod";

/** What a task envelope carries. */
export const taskPayloadSchema = z.object({ input: z.string() });

/** What a result envelope carries: the answer, and the id of the helper's trace of the task when it keeps one. */
export const resultPayloadSchema = z.object({ text: z.string(), traceId: z.string().optional() });

/** A served task's answer; `traceId` names the serving agent's trace of it, for the asker's trace to link. */
export interface TaskAnswer {
  text: string;
  traceId?: string;
}

/** The topic an agent receives its tasks on. */
export function agentTopic(agent: string): string {
  return `agent:${agent}`;
}

/** The topic a process receives the results of the tasks it sent on. */
export function inboxTopic(instance: string): string {
  return `inbox:${instance}`;
}

/** A task as the serving agent sees it. */
export interface TaskRequest {
  capability: string;
  input: string;
  /** The agent that asked. */
  from: string;
  /** Agents the task has passed through, the asker last: none of them may be asked again. */
  path: string[];
  /** The asker's trace: the serving agent's own trace of the task links back to it. */
  traceId: string;
  /** Epoch ms after which the answer is useless. */
  deadline?: number;
  attempt: number;
}
