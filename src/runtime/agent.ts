import { dirname } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";
import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import {
  type Embedder,
  ingestKnowledge,
  LongTermMemory,
  MessageLog,
  WorkingMemory,
  workingMemoryScope,
} from "../memory/index.js";
import { extractStatedFacts } from "../model/index.js";
import { type Action, actionToTool } from "../plugins/index.js";
import type { Store } from "../store/index.js";
import { cleanText, MAX_MESSAGE_CHARS } from "./clean-text.js";
import { composePrompt } from "./compose-prompt.js";
import { decideToRespond } from "./decide.js";
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
}

/** What the agent answered, and the actions it ran on the way. */
export interface AgentReply {
  text: string;
  actions: ActionRun[];
}

/** Tool-call rounds per message before the agent answers with what it has. */
const MAX_TOOL_STEPS = 4;
const KNOWLEDGE_K = 3;

/**
 * One character brought to life: the pipeline of DESIGN.md §1 (record,
 * decide, recall, compose, generate, act, reply, reflect) over its three
 * kinds of memory. Messages of one room are handled in order; rooms run
 * concurrently. A failure while handling one message is logged and answered
 * with an apology; the agent keeps serving.
 */
export class Agent {
  readonly character: Character;
  readonly longTerm: LongTermMemory;
  readonly working: WorkingMemory;
  private readonly db: Store;
  private readonly log: MessageLog;
  private readonly chat: BaseChatModel;
  private readonly logger: Logger;
  private readonly actions: Map<string, Action>;
  private readonly queue = new RoomQueue();
  private flushTimer: NodeJS.Immediate | undefined;

  constructor(options: AgentOptions) {
    this.character = options.character;
    this.chat = options.chat;
    this.logger = options.logger.child({ agent: options.character.name });
    this.actions = new Map((options.actions ?? []).map((action) => [action.name, action]));
    this.db = options.db;
    this.log = new MessageLog(options.db, this.name);
    this.working = new WorkingMemory(options.db, this.name);
    this.longTerm = new LongTermMemory({
      db: options.db,
      agent: this.name,
      embedder: options.embedder,
      indexDir: options.indexDir,
    });
  }

  get name(): string {
    return this.character.name;
  }

  /** Loads long-term memory and ingests the character's knowledge (skipping what is already stored). */
  async start(): Promise<void> {
    this.longTerm.open();
    const report = await ingestKnowledge(this.longTerm, this.character.knowledge, dirname(this.character.source.file));
    if (report.added + report.removed > 0) this.logger.debug(report, "knowledge ingested");
  }

  /**
   * Handles one inbound message. Resolves to the reply, or to undefined when
   * the agent stays silent (not addressed, a bot, a duplicate delivery).
   */
  handle(message: InboundMessage): Promise<AgentReply | undefined> {
    return this.queue.run(`${message.platform}:${message.room.id}`, () => this.process(message));
  }

  /** Waits for queued messages, embeds what is pending and saves the index. */
  async stop(): Promise<void> {
    await this.queue.drain();
    if (this.flushTimer) clearImmediate(this.flushTimer);
    await this.longTerm.save();
  }

  private async process(message: InboundMessage): Promise<AgentReply | undefined> {
    const text = cleanText(message.text);
    // 1 record: durable before anything else, and a redelivered message stops here.
    const stored = this.db.transaction(() => {
      const turn = this.log.record({
        room: message.room.id,
        userId: message.user.id,
        userName: message.user.name,
        role: "user",
        text,
        platform: message.platform,
        externalId: message.id,
        createdAt: message.receivedAt,
      });
      if (turn && text) this.remember(`${message.user.name}: ${text}`, message, turn.id);
      return turn;
    })();
    if (!stored) return undefined;

    // 2 decide
    const decision = decideToRespond(message, this.character);
    const scope = workingMemoryScope(message.room.id, message.user.id);
    if (!decision.respond) {
      this.reflect(scope, text, message, stored.id);
      return undefined;
    }

    let reply: AgentReply;
    if (!text) {
      reply = { text: "I didn't catch anything there. What would you like to say?", actions: [] };
    } else if (text.length > MAX_MESSAGE_CHARS) {
      reply = {
        text: `That message is too long for me (${text.length.toLocaleString("en")} characters). Could you send it in parts of under ${MAX_MESSAGE_CHARS.toLocaleString("en")}?`,
        actions: [],
      };
    } else {
      reply = await this.generateSafely(message, text, scope, stored.id);
    }

    // 7 reply, recorded before it is returned to the connector, and 8 reflect.
    this.db.transaction(() => {
      const answer = this.log.record({
        room: message.room.id,
        userId: message.user.id,
        userName: this.name,
        role: "agent",
        text: reply.text,
        platform: message.platform,
      });
      if (answer) this.remember(`${this.name}: ${reply.text}`, message, answer.id);
      this.reflect(scope, text, message, stored.id);
    })();
    return reply;
  }

  private async generateSafely(
    message: InboundMessage,
    text: string,
    scope: string,
    messageId: number,
  ): Promise<AgentReply> {
    try {
      return await this.generate(message, text, scope, messageId);
    } catch (error) {
      this.logger.error({ err: error, room: message.room.id }, "could not generate a reply");
      return { text: "Sorry, my thoughts got tangled just now. Could you say that again?", actions: [] };
    }
  }

  private async generate(message: InboundMessage, text: string, scope: string, messageId: number): Promise<AgentReply> {
    const settings = this.character.memory;
    // 3 recall
    const history = this.log
      .recent(message.room.id, settings.shortTermTurns + 1)
      .filter((turn) => turn.id !== messageId);
    const inWindow = new Set(history.map((turn) => turn.id));
    inWindow.add(messageId);
    const recallScope = { room: message.room.id, userId: message.user.id, excludeSourceMessageIds: inWindow };
    const memories = await this.longTerm.recall(text, {
      k: settings.recallK,
      kinds: ["message", "fact", "summary"],
      ...recallScope,
    });
    const knowledge = await this.longTerm.recall(text, { k: KNOWLEDGE_K, kinds: ["knowledge"] });

    // 4 compose
    const messages: BaseMessage[] = composePrompt({
      character: this.character,
      message,
      text,
      working: this.working.get(scope),
      memories,
      knowledge,
      history,
    });

    // 5 generate and 6 act
    const model = this.actions.size > 0 ? this.bindActions() : this.chat;
    const runs: ActionRun[] = [];
    for (let step = 0; ; step++) {
      const response = (await model.invoke(messages)) as AIMessage;
      const calls = response.tool_calls ?? [];
      if (calls.length === 0 || step >= MAX_TOOL_STEPS) return { text: contentText(response), actions: runs };
      const stepRuns = await runActions(calls, this.actions, { agentName: this.name, message }, this.logger);
      runs.push(...stepRuns);
      messages.push(response);
      calls.forEach((call, i) => {
        messages.push(new ToolMessage({ content: stepRuns[i]?.result ?? "", tool_call_id: call.id ?? `call_${i}` }));
      });
    }
  }

  private bindActions() {
    if (!this.chat.bindTools) throw new Error(`The chat model of ${this.name} cannot call tools.`);
    return this.chat.bindTools([...this.actions.values()].map(actionToTool));
  }

  private reflect(scope: string, text: string, message: InboundMessage, messageId: number): void {
    const facts = extractStatedFacts(text);
    if (facts.length === 0) return;
    this.working.applyFacts(scope, facts);
    for (const fact of facts) {
      this.remember(`${message.user.name}: ${fact.key}: ${fact.value}`, message, messageId, "fact");
    }
  }

  /** Stores a long-term memory now and embeds it after the reply has gone out. */
  private remember(
    text: string,
    message: InboundMessage,
    messageId: number,
    kind: "message" | "fact" = "message",
  ): void {
    this.longTerm.add({
      kind,
      text,
      room: message.room.id,
      userId: message.user.id,
      sourceMessageId: messageId,
      importance: kind === "fact" ? 0.8 : 0.5,
    });
    this.flushTimer ??= setImmediate(() => {
      this.flushTimer = undefined;
      this.longTerm.flush().catch((error: unknown) => this.logger.error({ err: error }, "could not index memories"));
    });
  }
}

function contentText(message: AIMessage): string {
  if (typeof message.content === "string") return message.content.trim();
  return message.content
    .map((part) => (typeof part === "string" ? part : "text" in part ? String(part.text) : ""))
    .join("")
    .trim();
}
