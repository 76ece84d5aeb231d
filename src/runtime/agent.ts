import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { Logger } from "pino";
import { type AgentDelegation, creditHelpers } from "../bus/index.js";
import type { Character } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import type { Embedder, LongTermMemory, WorkingMemory } from "../memory/index.js";
import { userScope } from "../memory/index.js";
import {
  type ChatRunnable,
  isModelFailure,
  type ModelGuard,
  type ModelUsage,
  UsageMeter,
  unavailableReply,
} from "../model/index.js";
import {
  type Action,
  type ActionContext,
  actionToTool,
  type OutboundListener,
  PendingConfirmations,
  type Plugin,
  PluginHost,
  readConfirmation,
} from "../plugins/index.js";
import type { Store } from "../store/index.js";
import { cleanText, MAX_MESSAGE_CHARS } from "../text/index.js";
import { AgentMemory } from "./agent-memory.js";
import { BotExchanges } from "./bot-exchanges.js";
import { composePrompt } from "./compose-prompt.js";
import { decideToRespond } from "./decide.js";
import { generateWithActions } from "./generate-with-actions.js";
import { RoomQueue } from "./room-queue.js";
import { type ActionRun, runActions } from "./run-actions.js";

export interface AgentOptions {
  character: Character;
  db: Store;
  chat: BaseChatModel;
  embedder: Embedder;
  logger: Logger;
  /** Folder for the long-term index file; default: in memory only. */
  indexDir?: string;
  actions?: Action[];
  /** Loaded plugins: their actions, providers, evaluators and services. */
  plugins?: Plugin[];
  /** Lets the agent hand work to the other agents on the bus (the built-in `delegate` action). */
  delegation?: AgentDelegation;
  /** How long an action, provider or evaluator may run, in ms. Default 10000. */
  pluginTimeoutMs?: number;
  /** Timeout, retries and circuit breaker for remote chat calls (`Models.guard`). */
  guard?: ModelGuard;
  /** Answers while the model server is down (`Models.fallback`); without one the agent apologises. */
  fallback?: BaseChatModel;
  /** Where token usage and latency are recorded (`Models.usage`). Default: fresh meters. */
  usage?: { chat: UsageMeter; embeddings: UsageMeter };
  /** Which model the agent runs on, for start-up lines (`Models.description`). Default: "offline model". */
  modelDescription?: string;
}

/** Per-message options of `Agent.handle`. */
export interface HandleOptions {
  /** Receives the reply token by token as the model writes it (web UI, message edits); the result is unchanged. */
  onToken?: (token: string) => void;
}

/** What the agent answered, and the actions it ran on the way. */
export interface AgentReply {
  text: string;
  actions: ActionRun[];
}

/**
 * One character brought to life: the pipeline of DESIGN.md §1 (record,
 * decide, recall, compose, generate, act, reply, reflect) over its three
 * kinds of memory. Messages of one room are handled in order; rooms run
 * concurrently. A failure while handling one message is logged and answered
 * with an apology; the agent keeps serving.
 */
export class Agent {
  readonly character: Character;
  /** Which model the agent runs on, e.g. `offline model` or `gpt-4o-mini at http://127.0.0.1:11434/v1, …`. */
  readonly modelDescription: string;
  private readonly memory: AgentMemory;
  private readonly chat: BaseChatModel;
  private readonly guard: ModelGuard | undefined;
  private readonly fallback: BaseChatModel | undefined;
  private readonly meters: { chat: UsageMeter; embeddings: UsageMeter };
  /** Tools are bound once per chat model (and `delegate` wording), not per message. */
  private readonly boundModels = new Map<BaseChatModel, Map<string, ChatRunnable>>();
  private readonly logger: Logger;
  private readonly plugins: PluginHost;
  private readonly confirmations = new PendingConfirmations();
  private readonly delegation: AgentDelegation | undefined;
  private readonly queue = new RoomQueue();
  private readonly botExchanges = new BotExchanges();

  constructor(options: AgentOptions) {
    this.character = options.character;
    this.chat = options.chat;
    this.guard = options.guard;
    this.modelDescription = options.modelDescription ?? "offline model";
    this.fallback = options.fallback;
    this.meters = options.usage ?? { chat: new UsageMeter(), embeddings: new UsageMeter() };
    this.logger = options.logger.child({ agent: options.character.name });
    this.delegation = options.delegation;
    this.plugins = new PluginHost({
      agent: { name: this.name, character: this.character },
      db: options.db,
      logger: this.logger,
      plugins: options.plugins,
      actions: options.actions,
      timeoutMs: options.pluginTimeoutMs,
    });
    this.memory = new AgentMemory({
      character: options.character,
      db: options.db,
      embedder: options.embedder,
      indexDir: options.indexDir,
      chat: options.chat,
      guard: options.guard,
      meter: this.meters.chat,
      logger: this.logger,
      queue: this.queue,
    });
  }

  get name(): string {
    return this.character.name;
  }

  /** Long-term memory: every message, fact and knowledge chunk, recalled by relevance. */
  get longTerm(): LongTermMemory {
    return this.memory.longTerm;
  }

  /** Working memory: each user's profile and each room's summary and goals. */
  get working(): WorkingMemory {
    return this.memory.working;
  }

  /** Loads long-term memory and ingests the character's knowledge (skipping what is already stored). */
  async start(): Promise<void> {
    await this.memory.start();
    await this.plugins.start();
  }

  /**
   * Subscribes to messages the agent sends on its own (reminders, a plugin's
   * `reply`), each addressed to a platform and room. Returns the unsubscribe function.
   */
  onOutbound(listener: OutboundListener): () => void {
    return this.plugins.onOutbound(listener);
  }

  /** Resolves when the background work of the messages handled so far (evaluators) has finished. */
  async settle(): Promise<void> {
    await this.queue.drain();
    await this.plugins.settle();
  }

  /**
   * Handles one inbound message. Resolves to the reply, or to undefined when
   * the agent stays silent (not addressed, a bot, a duplicate delivery).
   */
  handle(message: InboundMessage, options: HandleOptions = {}): Promise<AgentReply | undefined> {
    return this.queue.run(`${message.platform}:${message.room.id}`, () => this.process(message, options));
  }

  /** Token usage and latency of this agent's model calls so far. */
  get usage(): { chat: ModelUsage; embeddings: ModelUsage } {
    return { chat: this.meters.chat.snapshot(), embeddings: this.meters.embeddings.snapshot() };
  }

  /** Waits for queued messages, embeds what is pending and saves the index. */
  async stop(): Promise<void> {
    await this.queue.drain();
    await this.plugins.stop();
    await this.memory.stop();
  }

  private async process(message: InboundMessage, options: HandleOptions): Promise<AgentReply | undefined> {
    const text = cleanText(message.text);
    // 1 record: durable before anything else, and a redelivered message stops here.
    const stored = this.memory.recordMessage(message, text);
    if (!stored) {
      this.logger.debug(
        { platform: message.platform, room: message.room.id, reason: "already handled (delivered again)" },
        "not answering",
      );
      return undefined;
    }

    // 2 decide
    const decision = decideToRespond(message, this.character, this.botExchanges);
    const scope = userScope(message.user.id);
    if (!decision.respond) {
      // "It never answers" is one LOG_LEVEL=debug away from an explanation.
      this.logger.debug(
        { platform: message.platform, room: message.room.id, reason: decision.reason },
        "not answering",
      );
      this.memory.reflect(scope, text, message, stored.id);
      return undefined;
    }

    let reply: AgentReply;
    const confirmKey = `${message.platform}:${message.room.id}:${message.user.id}`;
    const confirmation = this.confirmations.has(confirmKey) ? readConfirmation(text) : undefined;
    if (confirmation) {
      reply = await this.answerConfirmation(message, confirmKey, confirmation === "yes");
    } else if (!text) {
      reply = { text: "I didn't catch anything there. What would you like to say?", actions: [] };
    } else if (text.length > MAX_MESSAGE_CHARS) {
      reply = {
        text: `That message is too long for me (${text.length.toLocaleString("en")} characters). Could you send it in parts of under ${MAX_MESSAGE_CHARS.toLocaleString("en")}?`,
        actions: [],
      };
    } else {
      reply = await this.generateSafely(message, text, scope, stored.id, options);
    }

    // 7 reply, recorded before it is returned to the connector, and 8 reflect.
    this.memory.recordReply(message, reply.text, scope, text, stored.id);
    this.plugins.evaluate(message, this.memory.pluginMemory(message, scope), reply);
    return reply;
  }

  private async generateSafely(
    message: InboundMessage,
    text: string,
    scope: string,
    messageId: number,
    options: HandleOptions,
  ): Promise<AgentReply> {
    try {
      return await this.generate(message, text, scope, messageId, options);
    } catch (error) {
      if (isModelFailure(error)) return this.whileModelIsDown(error, message, text, scope, messageId);
      this.logger.error({ err: error, room: message.room.id }, "could not generate a reply");
      return { text: "Sorry, my thoughts got tangled just now. Could you say that again?", actions: [] };
    }
  }

  /** The model server failed: answer with the offline fallback if the character has one, else apologise in character. */
  private async whileModelIsDown(
    failure: Error & { code: string },
    message: InboundMessage,
    text: string,
    scope: string,
    messageId: number,
  ): Promise<AgentReply> {
    // A known failure is one clear line (never the key, never a stack); the cause is there at debug level.
    this.logger.error({ code: failure.code, room: message.room.id }, failure.message);
    this.logger.debug({ err: failure }, "model failure");
    if (this.fallback) {
      try {
        return await this.generate(message, text, scope, messageId, { useFallback: true });
      } catch (error) {
        this.logger.error({ err: error, room: message.room.id }, "the fallback model could not answer either");
      }
    }
    return { text: unavailableReply(this.character, text), actions: [] };
  }

  private async generate(
    message: InboundMessage,
    text: string,
    scope: string,
    messageId: number,
    options: HandleOptions & { useFallback?: boolean },
  ): Promise<AgentReply> {
    // 3 recall
    const { history, memories, knowledge } = await this.memory.recall(message, text, messageId);

    // 4 compose
    const messages: BaseMessage[] = composePrompt({
      character: this.character,
      message,
      text,
      facts: this.working.visibleFacts(scope, message.room),
      ...this.memory.rooms.view(message.room.id),
      memories,
      knowledge,
      history,
      context: await this.plugins.provide(message, this.memory.pluginMemory(message, scope)),
    });

    // 5 generate and 6 act
    const chat = options.useFallback && this.fallback ? this.fallback : this.chat;
    // The delegate tool lists what the other live agents can do now, so it is built and bound per message.
    const delegate = this.delegation?.toolFor(this.name, message);
    const actions = delegate ? new Map([...this.plugins.actions, ["delegate", delegate.action]]) : this.plugins.actions;
    const model = delegate
      ? this.bindActions(chat, delegate.action)
      : this.plugins.actions.size > 0
        ? this.bindActions(chat)
        : chat;
    const call = {
      guard: chat === this.chat ? this.guard : undefined,
      meter: this.meters.chat,
      onToken: options.onToken,
    };
    const ctx = this.actionContext(message, scope);
    const policy = { isAdmin: this.isAdmin(message), timeoutMs: this.plugins.timeoutMs };
    const generated = await generateWithActions({ model, messages, call, actions, ctx, policy, logger: this.logger });
    if (!generated.needsConfirmation) {
      return { text: creditHelpers(generated.text, delegate?.helpers ?? []), actions: generated.runs };
    }
    const { call: waiting, action } = generated.needsConfirmation;
    this.confirmations.ask(`${message.platform}:${message.room.id}:${message.user.id}`, waiting);
    const what = action.description.replace(/[.\s]+$/, "").toLowerCase();
    return {
      text: `Before I ${waiting.name.replace(/_/g, " ")} (${what}): shall I go ahead? Say yes or no.`,
      actions: generated.runs,
    };
  }

  /** Runs (on "yes") or drops (on "no") the action waiting for this user's confirmation. */
  private async answerConfirmation(message: InboundMessage, key: string, yes: boolean): Promise<AgentReply> {
    const call = this.confirmations.take(key);
    if (!call || !yes) return { text: "Alright, I won't do it.", actions: [] };
    const scope = userScope(message.user.id);
    const policy = { isAdmin: this.isAdmin(message), confirmed: true, timeoutMs: this.plugins.timeoutMs };
    const outcome = await runActions(
      [call],
      this.plugins.actions,
      this.actionContext(message, scope),
      policy,
      this.logger,
    );
    const run = outcome.runs[0];
    return { text: run?.ok ? run.result : (run?.result ?? "Sorry, that did not work."), actions: outcome.runs };
  }

  /**
   * The chat model with the actions bound as tools. Binding converts every
   * schema, so bound models are kept: one per chat model, and with `delegate`
   * one per wording of its description (it changes only when the live
   * agents' capabilities do). The handler is looked up per call, not bound.
   */
  private bindActions(chat: BaseChatModel, delegate?: Action) {
    const key = delegate ? `${delegate.description}\n${delegate.examples?.join("\n") ?? ""}` : "";
    let bound = this.boundModels.get(chat)?.get(key);
    if (!bound) {
      if (!chat.bindTools) throw new Error(`The chat model of ${this.name} cannot call tools.`);
      bound = chat.bindTools(delegate ? [...this.plugins.tools(), actionToTool(delegate)] : this.plugins.tools());
      const byKey = this.boundModels.get(chat) ?? new Map<string, ChatRunnable>();
      // Capabilities come and go; a handful of wordings is plenty to keep.
      if (byKey.size >= 16) byKey.clear();
      byKey.set(key, bound);
      this.boundModels.set(chat, byKey);
    }
    return bound;
  }

  private isAdmin(message: InboundMessage): boolean {
    return this.character.connectors[message.platform]?.admins.includes(message.user.id) ?? false;
  }

  private actionContext(message: InboundMessage, scope: string): ActionContext {
    return {
      ...this.plugins.runtime,
      agentName: this.name,
      message,
      memory: this.memory.pluginMemory(message, scope),
      reply: (text) =>
        this.plugins.runtime.send({ platform: message.platform, room: message.room, userId: message.user.id, text }),
    };
  }
}
