import type { Logger } from "pino";
import type { Capability } from "../character/index.js";
import type { Readiness } from "../health/index.js";
import type { InboundMessage } from "../messages/index.js";
import type { Store } from "../store/index.js";
import type { Bus } from "./bus.js";
import {
  type AgentDelegation,
  createAgentDelegation,
  Delegator,
  Registry,
  type TaskAnswer,
  TaskLog,
  type TaskRequest,
  TaskServer,
  type TaskStatus,
} from "./delegation/index.js";
import { createNodeId } from "./node-id.js";
import { createBus } from "./transport/index.js";
import {
  leaseOwner,
  type RunWorkflowOptions,
  resumeWorkflow,
  runWorkflow,
  type Workflow,
  type WorkflowProgress,
  WorkflowRunHeldError,
  type WorkflowRunResult,
  WorkflowStore,
} from "./workflow/index.js";

/** What the node needs of an agent to serve its tasks (the runtime's `Agent` fits). */
export interface ServableAgent {
  readonly name: string;
  /** Read at every heartbeat: a reloaded character announces its new capabilities. */
  readonly character: { capabilities: Capability[] };
  /** While true the agent announces no capabilities, so no new task is sent to it. */
  readonly paused?: boolean;
  /** Resolves to the answer, with the id of the agent's trace of it when it keeps one. */
  handle(message: InboundMessage): Promise<{ text: string; traceId?: string } | undefined>;
}

/** Options of `BusNode.connect`. */
export interface BusNodeOptions {
  /** `redis://…` for the Redis bus; unset for the in-process bus. Ignored when `bus` is given. */
  url?: string;
  /** A bus to use instead of creating one (it is closed with the node). */
  bus?: Bus;
  /** Key prefix on Redis. Default `troupe`. */
  prefix?: string;
  logger?: Logger;
  /** Time one helper gets per delegated task. Default 4000 ms. */
  timeoutMs?: number;
  /** Heartbeat interval. Default 1000 ms. */
  heartbeatMs?: number;
}

/**
 * One process's place on the bus: the bus itself, the registry of live
 * agents, the delegator that sends tasks and awaits results, and a task
 * server per local agent with capabilities. `Troupe` owns one.
 */
export class BusNode {
  readonly instance = createNodeId();
  readonly bus: Bus;
  readonly registry: Registry;
  readonly delegator: Delegator;
  /** Hands agents the `delegate` action. */
  readonly delegation: AgentDelegation;
  private readonly logger: Logger | undefined;
  private readonly servers: TaskServer[] = [];
  private tasks: TaskLog | undefined;
  private state: "connected" | "started" | "closed" = "connected";
  private workflows: WorkflowStore | undefined;
  /** Workflow runs of this process that have not ended, to cancel them. */
  private readonly activeRuns = new Map<string, { controller: AbortController; ended: Promise<void> }>();

  private constructor(bus: Bus, options: BusNodeOptions) {
    this.bus = bus;
    this.logger = options.logger;
    this.registry = new Registry({
      bus,
      instance: this.instance,
      heartbeatMs: options.heartbeatMs,
      logger: options.logger,
    });
    this.delegator = new Delegator({
      bus,
      registry: this.registry,
      instance: this.instance,
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      tasks: { sent: (task) => this.tasks?.sent(task), finished: (...args) => this.tasks?.finished(...args) },
    });
    this.delegation = createAgentDelegation({
      registry: this.registry,
      delegator: this.delegator,
      timeoutMs: options.timeoutMs,
    });
  }

  /** Connects the bus (throws `BusConnectionError` when Redis is unreachable); call `start` once the store is open. */
  static async connect(options: BusNodeOptions = {}): Promise<BusNode> {
    const bus = options.bus ?? (await createBus({ url: options.url, prefix: options.prefix, logger: options.logger }));
    return new BusNode(bus, options);
  }

  /** Starts hearing heartbeats and results; tasks are recorded in `db`. */
  async start(db?: Store): Promise<void> {
    if (db) {
      this.tasks = new TaskLog(db);
      this.workflows = new WorkflowStore(db);
    }
    await this.registry.start();
    await this.delegator.start();
    this.state = "started";
  }

  /** Ready once started and until closed, while the bus itself says it can carry envelopes (Redis reachable). */
  readiness(): Readiness {
    if (this.state === "connected") return { ready: false, reason: "the bus node has not started" };
    if (this.state === "closed") return { ready: false, reason: "the bus node is closed" };
    return this.bus.status();
  }

  /** How many of the tasks this process delegated are in each state (none without a store). */
  taskCounts(): Partial<Record<TaskStatus, number>> {
    return this.tasks?.countByStatus() ?? {};
  }

  /**
   * Announces `agent`'s capabilities and serves its tasks, each answered through its own pipeline.
   * An agent without capabilities when served is not served (a reload that adds some needs a restart).
   */
  async serve(agent: ServableAgent): Promise<void> {
    if (agent.character.capabilities.length === 0) return;
    const server = new TaskServer({
      bus: this.bus,
      agent: agent.name,
      instance: this.instance,
      logger: this.logger,
      handler: (task) => answerTask(agent, task),
    });
    await server.start();
    this.servers.push(server);
    await this.registry.announce(agent.name, () => ({
      capabilities: agent.paused ? [] : agent.character.capabilities,
      load: server.load,
      stats: server.stats,
    }));
  }

  /**
   * Runs a workflow over the bus (resuming an unfinished run of the same
   * workflow and input). Needs the store given to `start`.
   */
  runWorkflow(
    workflow: Workflow,
    input: Record<string, unknown>,
    onProgress?: (progress: WorkflowProgress) => void,
  ): Promise<WorkflowRunResult> {
    return runWorkflow(workflow, input, this.workflowOptions(onProgress));
  }

  /**
   * Starts a workflow run in the background, as `runWorkflow` does (an
   * unfinished run of the same workflow and input is resumed). Resolves once
   * the run is stored, with its id and `finished`, which resolves when it ends.
   */
  async startWorkflow(
    workflow: Workflow,
    input: Record<string, unknown>,
  ): Promise<{ runId: string; finished: Promise<WorkflowRunResult> }> {
    let started: (runId: string) => void = () => {};
    const stored = new Promise<string>((resolve) => {
      started = resolve;
    });
    const finished = runWorkflow(workflow, input, this.workflowOptions(undefined, started));
    return { runId: await Promise.race([stored, finished.then((result) => result.runId)]), finished };
  }

  /**
   * Resumes every workflow run an earlier process left unfinished, each
   * under this process's lease: a run another live process sharing the data
   * folder holds is left to it (and logged), so no run is resumed twice.
   */
  async resumeWorkflows(onProgress?: (progress: WorkflowProgress) => void): Promise<WorkflowRunResult[]> {
    const ids = this.workflows?.unfinished() ?? [];
    const results = await Promise.all(
      ids.map((id) =>
        resumeWorkflow(id, this.workflowOptions(onProgress)).catch((error: unknown) => {
          if (!(error instanceof WorkflowRunHeldError)) throw error;
          this.logger?.info({ runId: id }, error.message);
          return undefined;
        }),
      ),
    );
    return results.filter((result): result is WorkflowRunResult => result !== undefined);
  }

  /**
   * Cancels an unfinished workflow run: a run of this process stops starting
   * steps and cancels the tasks of its running ones (`ended` resolves once it
   * has ended); a run an earlier process left unfinished is marked cancelled
   * and failed at once, so it is not resumed. `finished` when it had already
   * ended, `unknown` when there is no such run.
   */
  cancelWorkflow(runId: string): { outcome: "cancelled"; ended: Promise<void> } | { outcome: "finished" | "unknown" } {
    const run = this.workflows?.load(runId);
    if (!run) return { outcome: "unknown" };
    if (run.status !== "running") return { outcome: "finished" };
    const active = this.activeRuns.get(runId);
    if (active) {
      active.controller.abort();
      return { outcome: "cancelled", ended: active.ended };
    }
    this.workflows?.markCancelled(runId);
    this.workflows?.finish(runId, "failed", { error: "the run was cancelled" });
    return { outcome: "cancelled", ended: Promise.resolve() };
  }

  /** The workflow runs recorded in the store (see `start`), for listing and cancelling them. */
  get workflowRuns(): WorkflowStore | undefined {
    return this.workflows;
  }

  /** The tasks this process delegated, as recorded in the store (see `start`). */
  get taskLog(): TaskLog | undefined {
    return this.tasks;
  }

  /**
   * Cancels a task still waiting for its answer: `cancelled` when this
   * process was waiting for it (its delegation fails) or nobody was (a task
   * an earlier process left sent is closed in the log), `finished` when it
   * had ended, `unknown` when there is no such task.
   */
  cancelTask(taskId: string): "cancelled" | "finished" | "unknown" {
    const task = this.tasks?.get(taskId);
    if (!task) return "unknown";
    if (task.status !== "sent") return "finished";
    if (!this.delegator.cancel(taskId)) this.tasks?.finished(taskId, "cancelled", { error: "cancelled" });
    return "cancelled";
  }

  /** Every run is cancellable while it runs: its controller is kept until it ends. */
  private workflowOptions(
    onProgress?: (progress: WorkflowProgress) => void,
    started?: (runId: string) => void,
  ): RunWorkflowOptions {
    if (!this.workflows) throw new Error("Workflows need a store: call start(db) first.");
    const controller = new AbortController();
    let done = () => {};
    const ended = new Promise<void>((resolve) => {
      done = resolve;
    });
    return {
      store: this.workflows,
      delegate: (request) => this.delegator.delegate(request),
      onProgress,
      signal: controller.signal,
      onStart: (runId) => {
        this.activeRuns.set(runId, { controller, ended });
        started?.(runId);
      },
      onEnd: (runId) => {
        this.activeRuns.delete(runId);
        done();
      },
      logger: this.logger,
      owner: leaseOwner(),
    };
  }

  /**
   * Says goodbye, stops serving (finishing tasks in hand), then closes the
   * bus. While the bus is down the goodbyes are skipped (they would only wait
   * for it), so a stop during an outage takes seconds, not minutes.
   */
  async close(): Promise<void> {
    this.state = "closed";
    const reachable = this.bus.status().ready;
    await this.registry.stop({ goodbye: reachable });
    await Promise.all(this.servers.map((server) => server.stop()));
    await this.delegator.stop({ retire: reachable });
    await this.bus.close();
  }
}

async function answerTask(agent: ServableAgent, task: TaskRequest): Promise<TaskAnswer> {
  const reply = await agent.handle({
    platform: "bus",
    // One room per asking message: tasks from different conversations run side by side.
    room: { id: `bus:${task.from}:${task.traceId}`, kind: "direct" },
    user: { id: `agent:${task.from}`, name: task.from },
    text: task.input,
    delegation: { path: task.path, traceId: task.traceId },
  });
  if (!reply?.text) throw new Error(`${agent.name} had no answer`);
  return { text: reply.text, traceId: reply.traceId };
}
