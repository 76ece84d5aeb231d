import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Bus, Unsubscribe } from "../bus.js";
import { createEnvelope, type Envelope } from "../envelope.js";
import { DelegationFailedError, type FailedAttempt } from "./delegation-failed-error.js";
import { HopLimitError } from "./hop-limit-error.js";
import { NoAgentForCapabilityError } from "./no-agent-for-capability-error.js";
import type { Registry } from "./registry.js";
import { agentTopic, inboxTopic, resultPayloadSchema } from "./task.js";
import { TaskCancelledError } from "./task-cancelled-error.js";
import type { TaskLog } from "./task-log.js";

/** What to delegate. */
export interface DelegationRequest {
  capability: string;
  input: string;
  /** The asking agent; it is never asked itself. */
  from: string;
  /** Agents the work already passed through (the asker's own callers); none of them is asked. */
  path?: string[];
  /** Higher runs first. 0-9, default 5. */
  priority?: number;
  /** Time one agent gets before the next is tried. Default: the delegator's `timeoutMs`. */
  timeoutMs?: number;
  /** Further agents to try after a failure or a timeout. Default 2. */
  retries?: number;
  traceId?: string;
  /** Aborting it cancels the task: the delegator stops waiting, records it cancelled and asks nobody else. */
  signal?: AbortSignal;
}

/** A delegated task's answer and who gave it. */
export interface DelegationResult {
  agent: string;
  capability: string;
  text: string;
  /** Agents asked, this one included. */
  attempts: number;
  latencyMs: number;
  /** The id of the task (envelope) that was answered. */
  taskId: string;
  /** The helper's trace of the task, when it keeps one. */
  traceId?: string;
}

/** Options of `Delegator`. */
export interface DelegatorOptions {
  bus: Bus;
  registry: Registry;
  /** This process's id on the bus: results come back to its inbox. */
  instance: string;
  /** Default time one agent gets. 4000 ms. */
  timeoutMs?: number;
  /** Longest delegation chain (Juno → Theo → Wren is 2 hops). Default 3. */
  maxHops?: number;
  /** Records every task in SQLite when given. */
  tasks?: Pick<TaskLog, "sent" | "finished">;
  logger?: Logger;
}

/** What a waiting task resolves to when it is cancelled (`cancel`, or the request's signal). */
const CANCELLED = Symbol("cancelled");

interface Waiting {
  resolve(result: Envelope | typeof CANCELLED | undefined): void;
}

/**
 * Hands tasks to other agents: picks the best live agent for the capability
 * (see `Registry.candidates`), sends the task with a priority and a
 * deadline, and awaits the result by correlation id; a failure or a timeout
 * moves on to the next agent. Waiting never blocks the asker's other rooms.
 */
export class Delegator {
  private readonly waiting = new Map<string, Waiting>();
  /** The same waits, by task id, for `cancel`. */
  private readonly waitingTasks = new Map<string, Waiting>();
  private readonly options: DelegatorOptions;
  private unsubscribe: Unsubscribe | undefined;

  constructor(options: DelegatorOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    const inbox = inboxTopic(this.options.instance);
    this.unsubscribe = await this.options.bus.subscribe(inbox, (envelope) => this.receive(envelope), {
      group: inbox,
      consumer: this.options.instance,
      concurrency: 256,
    });
  }

  /**
   * Stops listening for results and retires the inbox, so a stopped process
   * leaves nothing behind on the bus (unless `retire` is false: the bus is down).
   */
  async stop(options: { retire?: boolean } = {}): Promise<void> {
    await this.unsubscribe?.();
    if (options.retire === false) return;
    await this.options.bus
      .retire(inboxTopic(this.options.instance))
      .catch((error: unknown) => this.options.logger?.warn({ err: error }, "could not retire this process's inbox"));
  }

  /**
   * Cancels a task this process is waiting for: it is recorded as cancelled
   * and its delegation fails with `TaskCancelledError` (no other agent is
   * asked). The helper may still finish it; its answer is dropped. False when
   * no task of that id is waited for here.
   */
  cancel(taskId: string): boolean {
    const waiting = this.waitingTasks.get(taskId);
    if (!waiting) return false;
    // Recorded now, so the log says so as soon as this returns; the waiting delegation ends a moment later.
    this.options.tasks?.finished(taskId, "cancelled", { error: "cancelled" });
    waiting.resolve(CANCELLED);
    return true;
  }

  /**
   * Delegates one task. Throws `NoAgentForCapabilityError` when no live agent
   * (other than the asker and its callers) can do it, `HopLimitError` when
   * the chain is too long, `DelegationFailedError` when every agent tried failed,
   * and `TaskCancelledError` when it was cancelled.
   */
  async delegate(request: DelegationRequest): Promise<DelegationResult> {
    const { registry } = this.options;
    const path = [...(request.path ?? []), request.from];
    const maxHops = this.options.maxHops ?? 3;
    if (path.length > maxHops) throw new HopLimitError({ capability: request.capability, path, limit: maxHops });
    const candidates = registry.candidates(request.capability, path);
    if (candidates.length === 0) {
      const available = registry
        .live()
        .filter((agent) => !path.includes(agent.name))
        .flatMap((agent) => agent.capabilities.map((capability) => capability.name));
      throw new NoAgentForCapabilityError({ capability: request.capability, available });
    }
    const tries = 1 + (request.retries ?? 2);
    const failures: FailedAttempt[] = [];
    const traceId = request.traceId ?? randomUUID();
    const started = performance.now();
    for (let attempt = 0; attempt < tries; attempt++) {
      if (request.signal?.aborted) throw new TaskCancelledError({ capability: request.capability });
      const agent = (candidates[attempt % candidates.length] as { name: string }).name;
      const outcome = await this.ask(agent, request, path, traceId);
      if (outcome.ok) {
        return {
          agent,
          capability: request.capability,
          text: outcome.text,
          attempts: attempt + 1,
          latencyMs: performance.now() - started,
          taskId: outcome.taskId,
          traceId: outcome.traceId,
        };
      }
      if (outcome.cancelled) throw new TaskCancelledError({ capability: request.capability });
      failures.push({ agent, reason: outcome.reason });
      this.options.logger?.warn({ agent, capability: request.capability, reason: outcome.reason }, "delegation failed");
    }
    throw new DelegationFailedError({ capability: request.capability, attempts: failures });
  }

  private async ask(
    agent: string,
    request: DelegationRequest,
    path: string[],
    traceId: string,
  ): Promise<
    { ok: true; text: string; taskId: string; traceId?: string } | { ok: false; reason: string; cancelled?: boolean }
  > {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 4000;
    const envelope = createEnvelope({
      kind: "task",
      from: request.from,
      to: agent,
      capability: request.capability,
      replyTo: inboxTopic(this.options.instance),
      payload: { input: request.input },
      priority: request.priority ?? 5,
      deadline: Date.now() + timeoutMs,
      path,
      traceId,
    });
    const tasks = this.options.tasks;
    tasks?.sent({
      id: envelope.id,
      traceId,
      capability: request.capability,
      from: request.from,
      to: agent,
      input: request.input,
    });
    let timer: NodeJS.Timeout | undefined;
    let waiting: Waiting = { resolve: () => {} };
    const result = new Promise<Envelope | typeof CANCELLED | undefined>((resolve) => {
      waiting = { resolve };
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    this.waiting.set(envelope.correlationId, waiting);
    this.waitingTasks.set(envelope.id, waiting);
    const onAbort = () => waiting.resolve(CANCELLED);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await this.options.bus.publish(agentTopic(agent), envelope);
      const answer = await result;
      if (answer === CANCELLED) {
        tasks?.finished(envelope.id, "cancelled", { error: "cancelled" });
        return { ok: false, reason: "cancelled", cancelled: true };
      }
      if (!answer) {
        tasks?.finished(envelope.id, "timed-out", { error: `no answer within ${timeoutMs} ms` });
        return { ok: false, reason: `no answer within ${timeoutMs} ms` };
      }
      if (answer.error !== undefined) {
        tasks?.finished(envelope.id, "failed", { error: answer.error });
        return { ok: false, reason: answer.error };
      }
      const { text, traceId: helperTrace } = resultPayloadSchema.parse(answer.payload);
      tasks?.finished(envelope.id, "succeeded", { result: text });
      return { ok: true, text, taskId: envelope.id, traceId: helperTrace };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      this.waiting.delete(envelope.correlationId);
      this.waitingTasks.delete(envelope.id);
    }
  }

  private receive(envelope: Envelope): void {
    if (envelope.kind !== "result") return;
    // A late answer to a task that already timed out, or a duplicate, has nobody waiting: dropped.
    this.waiting.get(envelope.correlationId)?.resolve(envelope);
  }
}
