import type { Logger } from "pino";
import type { Bus, Unsubscribe } from "../bus.js";
import { createEnvelope, type Envelope } from "../envelope.js";
import { type CapabilityStats, recordTask } from "./capability-stats.js";
import { agentTopic, type TaskAnswer, type TaskRequest, taskPayloadSchema } from "./task.js";

/** Options of `TaskServer`. */
export interface TaskServerOptions {
  bus: Bus;
  /** The agent whose tasks this serves. */
  agent: string;
  /** This process's id on the bus (consumer name). */
  instance: string;
  /** Does the work; its text is the result. */
  handler: (task: TaskRequest) => Promise<TaskAnswer>;
  /** Tasks run at once. Default 32. */
  concurrency?: number;
  logger?: Logger;
}

/**
 * Serves an agent's tasks from the bus: runs each task once, sends the
 * result (or, after the last attempt, the failure) to the asker by
 * correlation id, and keeps the load and per-capability stats the agent
 * announces in its heartbeats. All instances of one agent share the work.
 */
export class TaskServer {
  /** Tasks in hand. */
  load = 0;
  readonly stats: Record<string, CapabilityStats> = {};
  private unsubscribe: Unsubscribe | undefined;

  constructor(private readonly options: TaskServerOptions) {}

  async start(): Promise<void> {
    const { bus, agent, instance } = this.options;
    this.unsubscribe = await bus.subscribe(agentTopic(agent), (envelope) => this.serve(envelope), {
      group: agentTopic(agent),
      consumer: `${agent}@${instance}`,
      concurrency: this.options.concurrency ?? 32,
    });
  }

  /** Stops taking tasks and waits for those in hand. */
  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  private async serve(envelope: Envelope): Promise<void> {
    if (envelope.kind !== "task") return;
    const { bus, agent } = this.options;
    const capability = envelope.capability ?? "";
    const started = performance.now();
    this.load++;
    try {
      const payload = taskPayloadSchema.parse(envelope.payload);
      const answer = await this.options.handler({
        capability,
        input: payload.input,
        from: envelope.from,
        path: envelope.path,
        traceId: envelope.traceId,
        deadline: envelope.deadline,
        attempt: envelope.attempt,
      });
      recordTask(this.stats, capability, true, performance.now() - started);
      await this.reply(envelope, { ok: true, ...answer });
    } catch (error) {
      recordTask(this.stats, capability, false, performance.now() - started);
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger?.warn({ err: error, agent, capability, attempt: envelope.attempt }, "task failed");
      // The asker hears of the failure once the bus has given up, so it can try another agent.
      if (envelope.attempt >= bus.maxAttempts) await this.reply(envelope, { ok: false, text: message });
      throw error;
    } finally {
      this.load--;
    }
  }

  private async reply(task: Envelope, outcome: { ok: boolean; text: string; traceId?: string }): Promise<void> {
    if (!task.replyTo) return;
    await this.options.bus.publish(
      task.replyTo,
      createEnvelope({
        kind: "result",
        from: this.options.agent,
        capability: task.capability,
        correlationId: task.correlationId,
        payload: outcome.ok ? { text: outcome.text, traceId: outcome.traceId } : { text: "" },
        error: outcome.ok ? undefined : outcome.text,
        traceId: task.traceId,
        path: task.path,
      }),
      // The asker may have stopped meanwhile: its retired inbox is not recreated.
      { onlyToExisting: true },
    );
  }
}
