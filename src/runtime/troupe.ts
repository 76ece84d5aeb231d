import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { type AgentDelegation, BusNode, busPrefix } from "../bus/index.js";
import { type Character, CharacterFileError, type LoadCharacterOptions, loadCharacter } from "../character/index.js";
import { CONNECTOR_API_VERSION, type Connector } from "../connectors/connector.js";
import { WebhookRoutes } from "../connectors/webhook-routes.js";
import { rememberEnvSecrets } from "../errors/index.js";
import type { InboundMessage } from "../messages/index.js";
import { CircuitBreakers } from "../model/index.js";
import { type Store, StoreOpenError } from "../store/index.js";
import type { Agent, AgentReply, TraceListener } from "./agent.js";
import {
  type AgentFactoryContext,
  buildAgent,
  type PreparedAgent,
  prepareAgent,
  prepareAgents,
} from "./agent-factory.js";
import { AgentReloadingError } from "./agent-reloading-error.js";
import { AgentSlot } from "./agent-slot.js";
import { createLogger } from "./create-logger.js";
import { DuplicateAgentError } from "./duplicate-agent-error.js";
import { openTroupeStore } from "./open-troupe-store.js";
import { readTraceLimit, type TurnTrace } from "./trace/index.js";
import type { OtelExport } from "./trace/otel/export-to-otel.js";
import { TraceHub } from "./trace/trace-hub.js";
import { type TroupeReadiness, troupeReadiness } from "./troupe-readiness.js";
import { readRateLimit } from "./user-rate-limit.js";

const DAY_MS = 86_400_000;

export interface TroupeOptions {
  /** More character files to run beside `files` when they are valid; an invalid one is left out with a warning naming it. */
  optionalFiles?: string[];
  /** Folder for `troupe.db` and the index files. */
  dataDir: string;
  logger?: Logger;
  /** Where `${VAR}` in character files and model keys are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** The bus: a `redis://` URL to share it with other processes. Default: `REDIS_URL`, else in-process. */
  bus?: string;
  /** Namespace of this troupe's keys on Redis. Default: `TROUPE_BUS_PREFIX`, else `troupe:<current folder name>`. */
  busPrefix?: string;
  /** How often each agent's vector index files are saved while running; 0: only at stop. Default 60 s. */
  indexSaveMs?: number;
  /** Memories a recall may compare one by one before their shelf gets an hnswlib index. Default 1024. */
  exactSearchUpTo?: number;
  /** How much lower a priority the process's other threads get than the answering one (`AgentOptions.backgroundNice`). Default 10. */
  backgroundNice?: number;
  /** The project folder: plugins load from its `plugins/` and `node_modules/`. Default: the current folder. */
  cwd?: string;
  /** How many recent messages per agent keep their trace. Default: `TROUPE_TRACE_LIMIT`, else 100. */
  traceLimit?: number;
  /**
   * After a crash, how far back a connector's agent answers the messages it had acknowledged and not
   * answered (`Agent.answerOwed`), in ms, once the connector has started; 0 answers none. Default 5 minutes.
   */
  answerOwedWithinMs?: number;
}

/** How far back a start answers what a crash left unanswered, unless told otherwise. */
export const DEFAULT_ANSWER_OWED_WITHIN_MS = 300_000;

/**
 * Many agents sharing one store: loads the characters, starts an agent for
 * each, routes messages to them by name and stops them cleanly.
 */
export class Troupe {
  readonly agents: Agent[];
  readonly logger: Logger;
  /** This process on the bus: registry of live agents, delegation, task serving. */
  readonly node: BusNode;
  private readonly db: Store;
  private readonly connections: { connector: Connector; unsubscribe: () => void }[] = [];
  /** Webhook paths the connectors serve on the HTTP server (`serve` routes POSTs to them). */
  readonly webhooks = new WebhookRoutes();
  /** Every agent's traces in one stream (`onTrace`). */
  private readonly traceHub = new TraceHub();
  private otel: OtelExport | undefined;
  private answerOwedWithinMs = DEFAULT_ANSWER_OWED_WITHIN_MS;
  /** Connectors' agents answering what a crash left unanswered, waited for at stop. */
  private readonly answering = new Set<Promise<void>>();

  /**
   * The agents as connectors and the bus hold them: each forwards to the agent
   * running now (a reload swaps it) and carries its pause. Same order as `agents`.
   */
  readonly slots: AgentSlot[];
  private readonly context: AgentFactoryContext & { db: Store; dataDir: string; delegation: AgentDelegation };
  /** What each slot's agent was built from, to build it again when a reload cannot start the new one. */
  private readonly prepared = new Map<AgentSlot, PreparedAgent>();
  private readonly reloading = new Set<AgentSlot>();

  private constructor(
    agents: Agent[],
    prepared: PreparedAgent[],
    node: BusNode,
    context: AgentFactoryContext & { db: Store; dataDir: string; delegation: AgentDelegation },
  ) {
    this.agents = agents;
    this.slots = agents.map((agent) => new AgentSlot(agent));
    for (const [index, slot] of this.slots.entries()) this.prepared.set(slot, prepared[index] as PreparedAgent);
    this.db = context.db;
    this.logger = context.logger;
    this.node = node;
    for (const agent of agents) this.traceHub.attach(agent);
    this.context = context;
  }

  /**
   * Loads and validates every character file first, so an invalid one stops
   * start-up before anything else is opened, then opens the store and starts
   * one agent per character. Throws `CharacterFileError` naming every problem.
   */
  static async start(files: string[], options: TroupeOptions): Promise<Troupe> {
    const logger = options.logger ?? createLogger();
    const env = options.env ?? process.env;
    rememberEnvSecrets(env);
    const context: AgentFactoryContext = {
      env,
      cwd: options.cwd,
      logger,
      // One breaker per model server, for the life of the troupe (a reloaded agent keeps it).
      breakers: new CircuitBreakers(),
      rateLimit: readRateLimit(env.TROUPE_RATE_LIMIT),
      traceLimit: options.traceLimit ?? readTraceLimit(env.TROUPE_TRACE_LIMIT),
      indexSaveMs: options.indexSaveMs,
      exactSearchUpTo: options.exactSearchUpTo,
      backgroundNice: options.backgroundNice,
    };
    const characters = await loadAll(files, options.optionalFiles ?? [], { env, cwd: options.cwd }, logger);
    // Plugins and models are checked before the store opens, like characters: a bad plugin or a refused key stops
    // start-up naming the character. The characters load side by side: start-up waits on imports once, not per character.
    const prepared = await prepareAgents(characters, context);
    for (const { character, models } of prepared) {
      logger.info({ agent: character.name }, `${character.name} uses the ${models.description}`);
    }
    // The bus connects before the store opens: an unreachable Redis stops start-up with one clear line.
    const prefix = options.busPrefix ?? busPrefix(env, process.cwd());
    const node = await BusNode.connect({ url: options.bus ?? env.REDIS_URL, prefix, logger });
    let db: Store;
    try {
      refuseIndexFile(join(options.dataDir, "index"));
      db = openTroupeStore({ dataDir: options.dataDir });
    } catch (error) {
      await node.close();
      throw error;
    }
    try {
      const shared = { ...context, db, dataDir: options.dataDir, delegation: node.delegation };
      const agents = prepared.map((each) => buildAgent(each, shared));
      for (const agent of agents) {
        await agent.start();
        applyRetention(agent, logger);
      }
      await node.start(db);
      const troupe = new Troupe(agents, prepared, node, shared);
      troupe.answerOwedWithinMs = options.answerOwedWithinMs ?? DEFAULT_ANSWER_OWED_WITHIN_MS;
      for (const slot of troupe.slots) await node.serve(slot);
      await troupe.exportTraces(env);
      return troupe;
    } catch (error) {
      await node.close();
      db.close();
      throw error;
    }
  }

  /** Where `${VAR}` in character files is read from (`TroupeOptions.env`), to check a character as a reload would. */
  get env(): Record<string, string | undefined> {
    return this.context.env;
  }

  /** The troupe's SQLite store (messages, memories, working memory, tasks, workflow runs). */
  get store(): Store {
    return this.db;
  }

  /** The agent whose character name matches, ignoring case. */
  agent(name: string): Agent | undefined {
    const wanted = name.toLowerCase();
    return this.agents.find((agent) => agent.name.toLowerCase() === wanted);
  }

  /** The trace of a recent message of any agent, by id (`AgentReply.traceId`). */
  trace(id: string): TurnTrace | undefined {
    for (const agent of this.agents) {
      const found = agent.trace(id);
      if (found) return found;
    }
    return undefined;
  }

  /** Calls `listener` with every agent's trace of each message it handled. Returns the unsubscribe function. */
  onTrace(listener: TraceListener): () => void {
    return this.traceHub.on(listener);
  }

  /** Whether every agent, connector and the bus can serve now, each part with its reason when not (`GET /ready`). */
  readiness(): TroupeReadiness {
    return troupeReadiness(this.agents, this.connected, this.node);
  }

  /**
   * With `OTEL_EXPORTER_OTLP_ENDPOINT` set, sends every trace to that OpenTelemetry collector. The SDK is
   * imported only then, so a troupe without it starts as fast as before.
   */
  private async exportTraces(env: Record<string, string | undefined>): Promise<void> {
    const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
    if (!endpoint) return;
    const { exportToOtel } = await import("./trace/otel/export-to-otel.js");
    const otel = exportToOtel({
      endpoint,
      tracesEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || undefined,
      serviceName: env.OTEL_SERVICE_NAME?.trim() || undefined,
      logger: this.logger,
    });
    this.onTrace((trace) => otel.export(trace));
    this.otel = otel;
    this.logger.info(`Traces are exported to OpenTelemetry at ${endpoint}`);
  }

  /** The slot of the agent whose name matches, ignoring case (see `slots`). */
  slot(name: string): AgentSlot | undefined {
    const wanted = name.toLowerCase();
    return this.slots.find((slot) => slot.name.toLowerCase() === wanted);
  }

  /** Hands a message to the named agent (recorded and not answered while it is paused). */
  async send(agentName: string, message: InboundMessage): Promise<AgentReply | undefined> {
    const slot = this.slot(agentName);
    if (!slot) throw new Error(`No agent named ${agentName}.`);
    return slot.handle(message);
  }

  /**
   * Rereads the agent's character file and swaps the new agent in for
   * connectors and the bus; the others keep running. Everything that can fail
   * on the file (its problems, its plugins, its model's key) fails before
   * anything stops: the running agent keeps running and the error says why
   * (`CharacterFileError` lists the file's problems). Then the old agent
   * finishes the messages in hand and saves its memory, and the new one
   * starts on it; messages that arrive meanwhile wait for the new one.
   * A paused agent stays paused. Resolves to the slot.
   */
  async reload(name: string): Promise<AgentSlot> {
    const slot = this.slot(name);
    if (!slot) throw new Error(`No agent named ${name}.`);
    if (this.reloading.has(slot)) throw new AgentReloadingError({ agent: slot.name });
    this.reloading.add(slot);
    try {
      const { env, cwd } = this.context;
      const { character, warnings } = await loadCharacter(slot.character.source.file, { env, cwd });
      const other = this.slot(character.name);
      if (other && other !== slot) {
        throw new DuplicateAgentError({
          name: character.name,
          files: [other.character.source.file, character.source.file],
        });
      }
      for (const warning of warnings) this.logger.warn(warning);
      const next = await prepareAgent(character, this.context);
      const before = this.prepared.get(slot) as PreparedAgent;
      await slot.swap({
        retire: (old) => old.stop(),
        next: buildAgent(next, this.context),
        fallback: async () => {
          this.logger.error({ agent: slot.name }, "the reloaded agent did not start; the previous one is back");
          const again = buildAgent(before, this.context);
          await again.start();
          return again;
        },
      });
      this.prepared.set(slot, next);
      this.agents[this.slots.indexOf(slot)] = slot.agent;
      // The new agent's traces join the troupe's stream (metrics, OpenTelemetry) like the old one's.
      this.traceHub.attach(slot.agent);
      applyRetention(slot.agent, this.logger);
      this.logger.info({ agent: slot.name }, `${slot.name} reloaded from ${character.source.file}`);
      return slot;
    } finally {
      this.reloading.delete(slot);
    }
  }

  /**
   * Starts a connector and keeps it until `stop`: it hands platform messages
   * to the agents, and is offered their proactive messages for its platform
   * (`deliver`; the first connector that sends one ends the offer). Once it
   * has started, what waited for a connector (a reminder due while its user
   * was away) is offered again. A connector that fails to start is not kept;
   * the error names what failed.
   */
  async connect(connector: Connector): Promise<void> {
    if (connector.apiVersion !== CONNECTOR_API_VERSION) {
      throw new Error(
        `The ${connector.platform} connector is written for connector API ${connector.apiVersion}; this Troupe speaks ${CONNECTOR_API_VERSION}.`,
      );
    }
    await connector.start({ agents: this.slots, logger: this.logger, webhooks: this.webhooks, store: this.db });
    const unsubscribers = this.slots.map((slot) =>
      slot.onOutbound((message) => message.platform === connector.platform && connector.deliver(message)),
    );
    this.connections.push({
      connector,
      unsubscribe: () => {
        for (const unsubscribe of unsubscribers) unsubscribe();
      },
    });
    await Promise.all(this.slots.map((slot) => slot.redeliver()));
    this.answerOwed(connector);
  }

  /**
   * In the background, each agent the connector carries answers, through it, the messages of its
   * platform that a crash left acknowledged and unanswered (a connector that confirms delivery owes them).
   */
  private answerOwed(connector: Connector): void {
    if (this.answerOwedWithinMs <= 0) return;
    for (const slot of this.slots) {
      if (connector.serves && !connector.serves(slot.name)) continue;
      const work = slot
        .answerOwed(connector.platform, (message) => connector.deliver(message), this.answerOwedWithinMs)
        .then((answered) => {
          if (answered === 0) return;
          this.logger.info(
            { agent: slot.name, platform: connector.platform, answered },
            `${slot.name} answered ${answered} ${connector.platform} messages a stop had left unanswered`,
          );
        })
        .catch((error: unknown) =>
          this.logger.error({ err: error, agent: slot.name }, "could not answer the messages a stop left unanswered"),
        )
        .finally(() => this.answering.delete(work));
      this.answering.add(work);
    }
  }

  /** The connectors started with `connect`, in order. */
  get connected(): readonly Connector[] {
    return this.connections.map((connection) => connection.connector);
  }

  /** Stops the connectors (no new messages), finishes queued messages, saves every index and closes the store. */
  async stop(): Promise<void> {
    // Not ready from the first moment: a load balancer stops sending before the connectors close.
    for (const agent of this.agents) agent.notReady.add("lifecycle", "stopping");
    const connections = this.connections.splice(0);
    for (const connection of connections) connection.unsubscribe();
    await Promise.all(connections.map((connection) => connection.connector.stop()));
    // What a connector no longer takes stays owed for the next start.
    await Promise.all([...this.answering]);
    // Leave the bus next: finish the tasks in hand, take no more.
    await this.node.close();
    await Promise.all(this.agents.map((agent) => agent.stop()));
    // The last traces go out before the process ends; a collector that is gone costs a warning, not the shutdown.
    await this.otel
      ?.shutdown()
      .catch((error: unknown) => this.logger.warn({ err: error }, "could not send the last traces to OpenTelemetry"));
    this.db.close();
  }
}

/** Forgets the conversation memories older than the character's `memory.retentionDays`. */
function applyRetention(agent: Agent, logger: Logger): void {
  const days = agent.character.memory.retentionDays;
  if (days === undefined) return;
  const forgotten = agent.longTerm.forgetWhere({ before: Date.now() - days * DAY_MS });
  if (forgotten > 0) logger.info({ agent: agent.name, forgotten, retentionDays: days }, "forgot old memories");
}

async function loadAll(
  files: string[],
  optionalFiles: string[],
  options: LoadCharacterOptions,
  logger: Logger,
): Promise<Character[]> {
  const problems: string[] = [];
  const characters: Character[] = [];
  const results = await Promise.all(
    [...files, ...optionalFiles].map((file) =>
      loadCharacter(file, options).catch((error: unknown) => {
        if (!(error instanceof CharacterFileError)) throw error;
        return error;
      }),
    ),
  );
  for (const [index, result] of results.entries()) {
    if (result instanceof CharacterFileError && index >= files.length) {
      const count = result.problems.length === 1 ? "a problem" : `${result.problems.length} problems`;
      logger.warn(`Left out ${result.file}, which has ${count} (see troupe validate ${result.file}).`);
      continue;
    }
    if (result instanceof CharacterFileError) {
      problems.push(...result.problems);
      continue;
    }
    for (const warning of result.warnings) logger.warn(warning);
    characters.push(result.character);
  }
  if (problems.length > 0) throw new CharacterFileError({ file: files.join(", "), problems });
  const seen = new Map<string, string>();
  for (const character of characters) {
    const key = character.name.toLowerCase();
    const other = seen.get(key);
    if (other) throw new DuplicateAgentError({ name: character.name, files: [other, character.source.file] });
    seen.set(key, character.source.file);
  }
  return characters;
}

/** The index folder's place taken by a file would only fail at shutdown (EEXIST), after a session's work. */
function refuseIndexFile(indexDir: string): void {
  if (existsSync(indexDir) && !statSync(indexDir).isDirectory()) {
    throw new StoreOpenError({
      path: indexDir,
      reason: "it is a file where the index folder belongs; move it aside and the indexes are rebuilt from troupe.db",
    });
  }
}
