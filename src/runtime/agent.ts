import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { AgentDelegation } from "../bus/index.js";
import type { Character } from "../character/index.js";
import type { ForgottenUser, InboundMessage, PostRequest } from "../connectors/index.js";
import { NotReadyReasons, type Readiness } from "../health/index.js";
import { createMcpToolsets } from "../mcp-client/index.js";
import type { Embedder, LongTermMemory, OwedMessage, WorkingMemory } from "../memory/index.js";
import { userScope } from "../memory/index.js";
import {
  invokeChat,
  LANGUAGE_MODEL_ABILITIES,
  type ModelAbilities,
  type ModelGuard,
  type ModelUsage,
  UsageMeter,
} from "../model/index.js";
import {
  type Action,
  type ActionSource,
  type OutboundListener,
  type OutboundMessage,
  PendingConfirmations,
  type Plugin,
  PluginHost,
} from "../plugins/index.js";
import { isStoreFull, type Store, StoreFullError } from "../store/index.js";
import { cleanText } from "../text/index.js";
import { AgentChat } from "./agent-chat.js";
import { AgentMemory } from "./agent-memory.js";
import type { AgentParts } from "./agent-parts.js";
import { DEFAULT_BACKGROUND_NICE, lowerOtherThreads } from "./background-threads.js";
import { BotExchanges } from "./bot-exchanges.js";
import { RoomQueue } from "./room-queue.js";
import { composeSteps } from "./run-steps.js";
import { actStep } from "./steps/act-step.js";
import { composeStep } from "./steps/compose-step.js";
import { decideStep } from "./steps/decide-step.js";
import { generateStep } from "./steps/generate-step.js";
import { pluginSteps } from "./steps/plugin-steps.js";
import { recallStep } from "./steps/recall-step.js";
import { recordStep } from "./steps/record-step.js";
import { reflectStep } from "./steps/reflect-step.js";
import { replyStep } from "./steps/reply-step.js";
import { TraceRing } from "./trace/trace-ring.js";
import { TurnTrace } from "./trace/turn-trace.js";
import type { AgentReply, Turn } from "./turn.js";
import { type RateLimitSettings, rateLimitRefusal, UserRateLimit } from "./user-rate-limit.js";
import { composePostPrompt } from "./write-post.js";

export type { AgentReply } from "./turn.js";

export interface AgentOptions {
  character: Character;
  db: Store;
  chat: BaseChatModel;
  embedder: Embedder;
  logger: Logger;
  /** Folder for the long-term index file; default: in memory only. */
  indexDir?: string;
  /** How often the index files are saved while running; 0: only at stop. Default 60 s. */
  indexSaveMs?: number;
  /** Memories a recall may compare one by one before their shelf gets an hnswlib index (`LongTermMemoryOptions.exactUpTo`). Default 1024. */
  exactSearchUpTo?: number;
  actions?: Action[];
  /** Loaded plugins: their actions, providers, evaluators, services and steps. */
  plugins?: Plugin[];
  /** Actions that come and go while the agent runs. Default: the tools of the character's `mcp` servers. */
  actionSources?: ActionSource[];
  /** Lets the agent hand work to the other agents on the bus (the built-in `delegate` action). */
  delegation?: AgentDelegation;
  /** How long an action, provider, evaluator or plugin step may run, in ms. Default 10000. */
  pluginTimeoutMs?: number;
  /** What `chat` can do (`Models.abilities`). Default: a language model's (`LANGUAGE_MODEL_ABILITIES`). */
  abilities?: ModelAbilities;
  /** Timeout, retries and circuit breaker for remote chat calls (`Models.guard`). */
  guard?: ModelGuard;
  /** Answers while the model server is down (`Models.fallback`); without one the agent apologises. */
  fallback?: BaseChatModel;
  /** Where token usage and latency are recorded (`Models.usage`). Default: fresh meters. */
  usage?: { chat: UsageMeter; embeddings: UsageMeter };
  /** Which model the agent runs on, for start-up lines (`Models.description`). Default: "offline model". */
  modelDescription?: string;
  /** Messages one user may send in a window (the terminal and delegated tasks are never limited). Default: no limit. */
  rateLimit?: RateLimitSettings;
  /** How many recent messages keep their trace (`traces`, `trace`). Default 100 (`DEFAULT_TRACE_LIMIT`). */
  traceLimit?: number;
  /**
   * At `start`, the process's other threads (V8's compiler and garbage collector helpers) get this much
   * lower a priority than the thread that answers (`lowerOtherThreads`; Linux). 0 leaves them alone. Default 10.
   */
  backgroundNice?: number;
}

/** Hears every message's finished trace (metrics, export); called after the reply, must not throw. */
export type TraceListener = (trace: TurnTrace) => void;

/** Per-message options of `Agent.handle`. */
export interface HandleOptions {
  /** Receives the reply token by token as the model writes it (web UI, message edits); the result is unchanged. */
  onToken?: (token: string) => void;
  /** The caller calls the reply's `delivered()` once the platform took it; until then the message is owed (`ConnectorHandleOptions.confirmsDelivery`). */
  confirmsDelivery?: boolean;
  /** Called once the message is stored, or known to need no storing (`ConnectorHandleOptions.onRecorded`). */
  onRecorded?: () => void;
}

/**
 * One character brought to life: the pipeline of DESIGN.md §1 (record,
 * decide, recall, compose, generate, act, reply, reflect) over its three
 * kinds of memory, as named steps that a message's `Turn` passes through;
 * plugins add steps before generate and after reply.
 * Messages of one room are handled in order; rooms run concurrently. A
 * failure while handling one message is logged and answered with an
 * apology; the agent keeps serving.
 */
export class Agent {
  readonly character: Character;
  /** Which model the agent runs on, e.g. `offline model` or `gpt-4o-mini at http://127.0.0.1:11434/v1, …`. */
  readonly modelDescription: string;
  /**
   * What keeps the agent from serving, for `GET /ready`: it is starting or stopping, or whatever its
   * owners report (an index being rebuilt). Add a reason under a key of your own; remove it when done.
   */
  readonly notReady = new NotReadyReasons();
  private readonly memory: AgentMemory;
  private readonly rateLimit: UserRateLimit | undefined;
  private readonly logger: Logger;
  /** The database file, named when the disk holding it is full. */
  private readonly dbFile: string;
  private readonly meters: { chat: UsageMeter; embeddings: UsageMeter };
  private readonly plugins: PluginHost;
  private readonly queue = new RoomQueue();
  private readonly recentTraces: TraceRing;
  private readonly backgroundNice: number;
  private readonly traceListeners = new Set<TraceListener>();
  /** Messages the rate limit turned away before the pipeline (refused or dropped), by platform. */
  private readonly limited = new Map<string, number>();
  private readonly pipeline: (turn: Turn) => Promise<void>;
  /** Step 1 alone: what a paused agent does with a message (see `record`). */
  private readonly recorder: (turn: Turn) => Promise<void>;
  /** The configured chat model, unbound, for posts the agent writes on its own. */
  private readonly writer: { chat: BaseChatModel; guard?: ModelGuard };

  constructor(options: AgentOptions) {
    this.character = options.character;
    this.modelDescription = options.modelDescription ?? "offline model";
    this.rateLimit = options.rateLimit ? new UserRateLimit(options.rateLimit) : undefined;
    this.meters = options.usage ?? { chat: new UsageMeter(), embeddings: new UsageMeter() };
    this.writer = { chat: options.chat, guard: options.guard };
    const logger = options.logger.child({ agent: options.character.name });
    this.logger = logger;
    this.notReady.add("lifecycle", "starting");
    this.dbFile = options.db.name;
    this.recentTraces = new TraceRing(options.traceLimit);
    this.backgroundNice = options.backgroundNice ?? DEFAULT_BACKGROUND_NICE;
    this.plugins = new PluginHost({
      agent: { name: this.name, character: this.character },
      db: options.db,
      logger,
      plugins: options.plugins,
      actions: options.actions,
      sources: options.actionSources ?? createMcpToolsets(options.character.mcp, { logger }),
      timeoutMs: options.pluginTimeoutMs,
    });
    this.memory = new AgentMemory({
      character: options.character,
      db: options.db,
      embedder: options.embedder,
      indexDir: options.indexDir,
      indexSaveMs: options.indexSaveMs,
      exactSearchUpTo: options.exactSearchUpTo,
      chat: options.chat,
      abilities: options.abilities ?? LANGUAGE_MODEL_ABILITIES,
      guard: options.guard,
      meter: this.meters.chat,
      logger,
      queue: this.queue,
    });
    const parts: AgentParts = {
      name: this.name,
      character: this.character,
      memory: this.memory,
      chat: new AgentChat({
        agent: this.name,
        chat: options.chat,
        fallback: options.fallback,
        guard: options.guard,
        meter: this.meters.chat,
        plugins: this.plugins,
      }),
      plugins: this.plugins,
      delegation: options.delegation,
      confirmations: new PendingConfirmations(),
      botExchanges: new BotExchanges(),
      logger,
    };
    // The pipeline, top to bottom. Each step gets the turn and `next` (see composeSteps).
    this.pipeline = composeSteps([
      recordStep(parts),
      decideStep(parts),
      ...pluginSteps(parts, "beforeGenerate"),
      recallStep(parts),
      composeStep(parts),
      generateStep(parts),
      actStep(parts),
      replyStep(parts),
      ...pluginSteps(parts, "afterReply"),
      reflectStep(parts),
    ]);
    this.recorder = composeSteps([recordStep(parts)]);
  }

  get name(): string {
    return this.character.name;
  }

  /** Long-term memory: every message, fact and knowledge chunk, recalled by relevance. */
  get longTerm(): LongTermMemory {
    return this.memory.longTerm;
  }

  /**
   * Writes now what the messages handled so far left for a later group
   * commit (their memories), so that a reader outside the pipeline (the HTTP
   * API, MCP) finds every memory of a message already answered.
   */
  commitWaiting(): void {
    this.memory.commitWaiting();
  }

  /** Working memory: each user's profile and each room's summary and goals. */
  get working(): WorkingMemory {
    return this.memory.working;
  }

  /** Loads long-term memory and ingests the character's knowledge (skipping what is already stored). */
  async start(): Promise<void> {
    lowerOtherThreads(this.backgroundNice);
    await this.memory.start();
    this.reportIndexRebuild();
    await this.plugins.start();
    this.notReady.remove("lifecycle");
  }

  /** Not ready while the vector index is completed in the background after an unclean stop (the agent still answers). */
  private reportIndexRebuild(): void {
    const { rebuilding, missing } = this.longTerm.indexStatus;
    if (!rebuilding) return;
    this.notReady.add("index", `index rebuilding: ${missing} memories were missing from the saved index`);
    void this.longTerm.whenIndexed().then(() => this.notReady.remove("index"));
  }

  /** Whether the agent serves now, and if not why (see `notReady`). */
  readiness(): Readiness {
    return this.notReady.readiness();
  }

  /**
   * Subscribes to messages the agent sends on its own (reminders, a plugin's
   * `reply`), each addressed to a platform and room. Returns the unsubscribe function.
   */
  onOutbound(listener: OutboundListener): () => void {
    return this.plugins.onOutbound(listener);
  }

  /** Asks the plugins to offer again the proactive messages no connector could deliver yet; resolves once offered. */
  redeliver(): Promise<void> {
    return this.plugins.redeliver();
  }

  /** Resolves when the background work of the messages handled so far (evaluators, writes left for the next commit) has finished. */
  async settle(): Promise<void> {
    await this.queue.drain();
    await this.plugins.settle();
    this.memory.commitWaiting();
  }

  /**
   * Handles one inbound message. Resolves to the reply, or to undefined when
   * the agent stays silent (not addressed, a bot, a duplicate delivery).
   */
  handle(message: InboundMessage, options: HandleOptions = {}): Promise<AgentReply | undefined> {
    // Checked before the room's queue: a flood is turned away here and never waits in line or reaches the pipeline.
    const decision = this.isLimited(message) ? this.rateLimit?.take(message.user.id) : "allow";
    if (decision !== "allow") {
      this.limited.set(message.platform, (this.limited.get(message.platform) ?? 0) + 1);
      options.onRecorded?.();
    }
    if (decision === "drop") return Promise.resolve(undefined);
    if (decision === "refuse") {
      this.logger.info({ user: message.user.id }, "rate limit reached; refused once, dropping the rest of the window");
      return Promise.resolve({ text: rateLimitRefusal(message.user.name), actions: [] });
    }
    return this.queue.run(`${message.platform}:${message.room.id}`, () =>
      this.process(message, options).catch((error: unknown) => {
        // One sentence that says what happened and what to do, instead of SQLite's "database or disk is full".
        throw isStoreFull(error) ? new StoreFullError({ path: this.dbFile, cause: error }) : error;
      }),
    );
  }

  /**
   * Records a message in its room's log without answering it (a paused
   * agent): it joins the short-term window, so the agent knows what was said
   * once it answers again. Runs in the room's order like `handle`.
   */
  record(message: InboundMessage): Promise<void> {
    return this.queue.run(`${message.platform}:${message.room.id}`, () => this.recorder(this.turnOf(message, {})));
  }

  /**
   * Forgets one user on their request: conversation memories, profile, and
   * the rooms only they talked in. Waits for the messages in hand first, so
   * nothing about the user is written back after.
   */
  async forgetUser(userId: string): Promise<ForgottenUser> {
    await this.queue.drain();
    return this.memory.forgetUser(userId);
  }

  /**
   * Writes a post the agent publishes on its own (a scheduled post on X)
   * with its chat model, from the character's voice and post examples.
   * Resolves to the text, trimmed; the caller checks length and repeats.
   */
  async writePost(request: PostRequest): Promise<string> {
    const { chat, guard } = this.writer;
    const answer = await invokeChat(chat, composePostPrompt(this.character, request), {
      guard,
      meter: this.meters.chat,
    });
    return answer.text.trim();
  }

  /** The operator's terminal and tasks from other agents are not strangers: only platform users are limited. */
  private isLimited(message: InboundMessage): boolean {
    return this.rateLimit !== undefined && message.platform !== "terminal" && message.delegation === undefined;
  }

  /** The traces of the most recent messages, newest first (at most `traceLimit` are kept). */
  traces(limit?: number): TurnTrace[] {
    return this.recentTraces.recent(limit);
  }

  /** The trace of one recent message by its id (`AgentReply.traceId`), while it is among the kept ones. */
  trace(id: string): TurnTrace | undefined {
    return this.recentTraces.get(id);
  }

  /** How many messages the rate limit turned away so far, by platform; they have no trace (a flood would push out the rest). */
  get rateLimited(): ReadonlyMap<string, number> {
    return this.limited;
  }

  /** Calls `listener` with each message's trace once the message is handled. Returns the unsubscribe function. */
  onTrace(listener: TraceListener): () => void {
    this.traceListeners.add(listener);
    return () => this.traceListeners.delete(listener);
  }

  /** Token usage and latency of this agent's model calls so far. */
  get usage(): { chat: ModelUsage; embeddings: ModelUsage } {
    return { chat: this.meters.chat.snapshot(), embeddings: this.meters.embeddings.snapshot() };
  }

  /** Waits for queued messages, embeds what is pending and saves the index. */
  async stop(): Promise<void> {
    this.notReady.add("lifecycle", "stopping");
    await this.queue.drain();
    await this.plugins.stop();
    await this.memory.stop();
  }

  /**
   * Answers, once, the messages of `platform` still owed from the last `withinMs`: a crash or kill
   * stopped the agent after it acknowledged them and before the platform took their answer. A reply
   * recorded before the crash is sent as it was; a message without one goes through the pipeline
   * again from decide (it may stay silent, as it would have). `send` delivers (a connector's
   * `deliver`); what it could not deliver stays owed. Resolves to how many answers went out.
   */
  async answerOwed(
    platform: string,
    send: (message: OutboundMessage) => Promise<boolean>,
    withinMs: number,
  ): Promise<number> {
    const owed = this.memory.owedAnswers(platform, withinMs);
    if (owed.length === 0) return 0;
    const answered = await Promise.all(
      owed.map((message) =>
        this.queue.run(`${platform}:${message.room}`, () =>
          this.answerAgain(message, send).catch((error: unknown) => {
            this.logger.error({ err: error, room: message.room }, "could not answer a message a stop left unanswered");
            return false;
          }),
        ),
      ),
    );
    return answered.filter(Boolean).length;
  }

  private async answerAgain(owed: OwedMessage, send: (message: OutboundMessage) => Promise<boolean>) {
    const { addressed } = owed;
    const message: InboundMessage = {
      platform: owed.platform,
      id: owed.externalId,
      room: { id: owed.room, kind: addressed.kind },
      user: { id: owed.userId, name: owed.userName, isBot: addressed.isBot },
      text: owed.text,
      mentionsAgent: addressed.mentionsAgent,
      repliesToAgent: addressed.repliesToAgent,
      receivedAt: owed.createdAt,
    };
    let text = owed.answer;
    if (text === undefined) {
      const turn = { ...this.turnOf(message, {}), stored: owed };
      const reply = await this.run(turn);
      if (!reply) {
        this.memory.settleOwed(owed.id);
        return false;
      }
      text = reply.text;
    }
    const delivered = await send({
      agent: this.name,
      platform: owed.platform,
      room: message.room,
      userId: owed.userId,
      text,
      replyTo: owed.externalId,
    });
    if (delivered) this.memory.settleOwed(owed.id);
    return delivered;
  }

  private process(message: InboundMessage, options: HandleOptions): Promise<AgentReply | undefined> {
    return this.run(this.turnOf(message, options));
  }

  private async run(turn: Turn): Promise<AgentReply | undefined> {
    try {
      await this.pipeline(turn);
      await turn.recorded;
    } catch (error) {
      this.keep(turn.trace, turn, error);
      throw error;
    }
    const { stored, reply } = turn;
    if (turn.owed && stored) {
      // Owed until the platform takes the reply; a silent turn owes nothing.
      if (turn.replied && reply) reply.delivered = () => this.memory.settleOwed(stored.id);
      else this.memory.settleOwed(stored.id);
    }
    if (reply) reply.traceId = turn.trace.id;
    this.keep(turn.trace, turn);
    return reply;
  }

  private turnOf(message: InboundMessage, options: HandleOptions): Turn {
    const scope = userScope(message.user.id);
    const text = cleanText(message.text);
    return {
      message,
      text,
      scope,
      conversation: `${message.platform}:${message.room.id}:${message.user.id}`,
      onToken: options.onToken,
      onRecorded: options.onRecorded,
      owed: options.confirmsDelivery === true,
      memory: this.memory.pluginMemory(message, scope),
      trace: new TurnTrace(this.name, message, text, this.logger),
    };
  }

  /** Files the finished trace and tells the listeners; a listener that throws is logged, never the turn's failure. */
  private keep(trace: TurnTrace, turn: Turn, error?: unknown): void {
    trace.finish(turn.replied ? turn.reply?.text : undefined, error);
    this.recentTraces.add(trace);
    for (const listener of this.traceListeners) {
      try {
        listener(trace);
      } catch (failure) {
        this.logger.warn({ err: failure }, "a trace listener failed");
      }
    }
  }
}
