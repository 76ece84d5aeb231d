import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { InboundMessage } from "../messages/index.js";
import { applyMigrations, type Store } from "../store/index.js";
import type { Action } from "./action.js";
import type { ActionSource } from "./action-source.js";
import { actionToTool, type FunctionTool } from "./action-to-tool.js";
import type { ActionRun, Evaluator } from "./evaluator.js";
import { OutboundChannel, type OutboundListener } from "./outbound-channel.js";
import type { Plugin } from "./plugin.js";
import type { PluginMemory, PluginRuntime } from "./plugin-runtime.js";
import type { PluginStep, StepContext, StepPosition } from "./plugin-step.js";
import type { Provider } from "./provider.js";
import { runPluginStep } from "./run-plugin-step.js";
import type { Service } from "./service.js";
import { withLiveReply } from "./with-live-reply.js";
import { withTimeout } from "./with-timeout.js";

export interface PluginHostOptions {
  agent: { name: string; character: Character };
  db: Store;
  logger: Logger;
  plugins?: Plugin[];
  /** Actions given directly, outside any plugin. */
  actions?: Action[];
  /** Actions that come and go (an MCP server's tools); a plugin's action of the same name wins. */
  sources?: ActionSource[];
  /** How long a provider, evaluator, service start or pipeline step may take, in ms. Default 10000. */
  timeoutMs?: number;
}

interface Owned<T> {
  plugin: string;
  item: T;
}

/** What the agent tells a plugin step about the message; the host adds the plugin's runtime. */
export type StepTurn = Omit<StepContext, keyof PluginRuntime>;

/** A plugin step ready to run: scoped to its plugin, with the timeout and isolation of actions. */
export interface HostedStep {
  name: string;
  run(turn: StepTurn, next: () => Promise<void>): Promise<void>;
}

/**
 * Hosts one agent's plugins: their actions (as tools), providers, evaluators,
 * services and pipeline steps, the outbound channel they speak through, and actions waiting
 * for a user's confirmation. A failing hook is logged and skipped; it never
 * stops the agent.
 */
export class PluginHost {
  readonly runtime: PluginRuntime;
  readonly timeoutMs: number;
  private readonly providers: Owned<Provider>[] = [];
  private readonly evaluators: Owned<Evaluator>[] = [];
  private readonly pipelineSteps: Owned<PluginStep>[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: each service has its own handle type.
  private readonly services: Owned<Service<any>>[] = [];
  private readonly handles = new Map<string, unknown>();
  private readonly migrations: { plugin: string; steps: readonly string[] }[] = [];
  private readonly outbound: OutboundChannel;
  private readonly running = new Set<Promise<void>>();
  private readonly logger: Logger;
  private readonly ownActions = new Map<string, Action>();
  private readonly sources: ActionSource[];
  private current: { revision: number; actions: Map<string, Action> } | undefined;

  constructor(options: PluginHostOptions) {
    this.logger = options.logger;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.outbound = new OutboundChannel(options.logger);
    this.sources = options.sources ?? [];
    for (const action of options.actions ?? []) this.ownActions.set(action.name, action);
    for (const plugin of options.plugins ?? []) {
      for (const action of plugin.actions ?? []) this.ownActions.set(action.name, action);
      for (const item of plugin.providers ?? []) this.providers.push({ plugin: plugin.name, item });
      for (const item of plugin.evaluators ?? []) this.evaluators.push({ plugin: plugin.name, item });
      for (const item of plugin.services ?? []) this.services.push({ plugin: plugin.name, item });
      for (const item of plugin.steps ?? []) this.pipelineSteps.push({ plugin: plugin.name, item });
      if (plugin.migrations) this.migrations.push({ plugin: plugin.name, steps: plugin.migrations });
    }
    const agent = options.agent;
    this.runtime = {
      agent,
      db: options.db,
      logger: options.logger,
      send: (message) => this.outbound.send({ ...message, agent: agent.name }),
      service: <Handle>(name: string) => this.handles.get(name) as Handle | undefined,
    };
  }

  /** Every action the agent has now: the plugins' and loose ones, then those of its sources. */
  get actions(): Map<string, Action> {
    if (this.sources.length === 0) return this.ownActions;
    const revision = this.revision;
    if (this.current?.revision !== revision) {
      const actions = new Map(this.ownActions);
      for (const source of this.sources) {
        for (const action of source.actions()) if (!actions.has(action.name)) actions.set(action.name, action);
      }
      this.current = { revision, actions };
    }
    return this.current.actions;
  }

  /** Grows whenever the sources' actions change (each source's revision only grows, so their sum does too). */
  get revision(): number {
    return this.sources.reduce((sum, source) => sum + source.revision, 0);
  }

  /** The actions as tools for the chat model. */
  tools(): FunctionTool[] {
    return [...this.actions.values()].map(actionToTool);
  }

  /** Subscribes to the agent's proactive messages; returns the unsubscribe function. */
  onOutbound(listener: OutboundListener): () => void {
    return this.outbound.subscribe(listener);
  }

  /**
   * Starts the action sources, migrates each plugin's tables (under `plugin:<name>`), then starts every
   * service. A service that fails or hangs is logged and left out, and so
   * are the services of a plugin whose migration failed.
   */
  async start(): Promise<void> {
    // Sources reach their servers side by side; one that is down is retried in the background by itself.
    await Promise.all(this.sources.map((source) => source.start()));
    const unmigrated = new Set<string>();
    for (const { plugin, steps } of this.migrations) {
      try {
        applyMigrations(this.runtime.db, { owner: `plugin:${plugin}`, steps });
      } catch (error) {
        unmigrated.add(plugin);
        this.scoped(plugin).logger.error({ err: error }, "migration failed; the plugin's services are left out");
      }
    }
    for (const { plugin, item } of this.services) {
      if (unmigrated.has(plugin)) continue;
      const runtime = this.scoped(plugin);
      try {
        const handle = await withTimeout(() => item.start(runtime), this.timeoutMs, `service ${item.name}`);
        this.handles.set(item.name, handle);
      } catch (error) {
        runtime.logger.error({ err: error, service: item.name }, "service did not start");
      }
    }
  }

  /**
   * Asks each started service that keeps messages for later (`redeliver`)
   * to offer them again; resolves once they have. One that fails or hangs is
   * logged.
   */
  async redeliver(): Promise<void> {
    await Promise.all(
      this.services.map(async ({ plugin, item }) => {
        if (!item.redeliver || !this.handles.has(item.name)) return;
        const handle = this.handles.get(item.name);
        try {
          await withTimeout(() => item.redeliver?.(handle), this.timeoutMs, `service ${item.name}`);
        } catch (error) {
          this.scoped(plugin).logger.error({ err: error, service: item.name }, "service could not redeliver");
        }
      }),
    );
  }

  /** Waits for running evaluators, then stops the started services in reverse order, and the action sources. */
  async stop(): Promise<void> {
    await Promise.all(this.running);
    await Promise.all(this.sources.map((source) => source.stop()));
    for (const { plugin, item } of [...this.services].reverse()) {
      if (!this.handles.has(item.name)) continue;
      const handle = this.handles.get(item.name);
      this.handles.delete(item.name);
      try {
        await withTimeout(() => item.stop?.(handle), this.timeoutMs, `service ${item.name}`);
      } catch (error) {
        this.scoped(plugin).logger.error({ err: error, service: item.name }, "service did not stop cleanly");
      }
    }
  }

  /** The lines providers add to the prompt's context for this message, in plugin order. */
  async provide(message: InboundMessage, memory: PluginMemory): Promise<string[]> {
    const results = await Promise.all(
      this.providers.map(async ({ plugin, item }) => {
        const runtime = this.scoped(plugin);
        try {
          const value = await withTimeout(
            () => item.get({ ...runtime, message, memory }),
            this.timeoutMs,
            `provider ${item.name}`,
          );
          return (Array.isArray(value) ? value : [value]).filter((line): line is string => typeof line === "string");
        } catch (error) {
          runtime.logger.warn({ err: error, provider: item.name }, "provider failed; its context is left out");
          return [];
        }
      }),
    );
    return results.flat().filter((line) => line.trim() !== "");
  }

  /** The plugins' steps at one position of the message pipeline, in plugin order. */
  stepsAt(at: StepPosition): HostedStep[] {
    return this.pipelineSteps
      .filter(({ item }) => item.at === at)
      .map(({ plugin, item }) => ({
        name: item.name,
        run: (turn, next) => {
          const runtime = this.scoped(plugin);
          const ctx: StepContext = withLiveReply(
            {
              ...runtime,
              message: turn.message,
              text: turn.text,
              memory: turn.memory,
              respond: (text: string) => turn.respond(text),
            },
            turn,
          );
          return runPluginStep(item, ctx, next, { timeoutMs: this.timeoutMs, logger: runtime.logger });
        },
      }));
  }

  /** Runs the evaluators after a reply, in the background; `stop` and `settle` wait for them. */
  evaluate(message: InboundMessage, memory: PluginMemory, reply: { text: string; actions: ActionRun[] }): void {
    if (this.evaluators.length === 0) return;
    const work = (async () => {
      for (const { plugin, item } of this.evaluators) {
        const runtime = this.scoped(plugin);
        try {
          await withTimeout(
            () => item.run({ ...runtime, message, memory, reply }),
            this.timeoutMs,
            `evaluator ${item.name}`,
          );
        } catch (error) {
          runtime.logger.warn({ err: error, evaluator: item.name }, "evaluator failed");
        }
      }
    })();
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Resolves when the evaluators started so far have finished. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  private scoped(plugin: string): PluginRuntime {
    return { ...this.runtime, logger: this.logger.child({ plugin }) };
  }
}
