import { dirname } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { ForgottenUser, InboundMessage } from "../connectors/index.js";
import {
  createProfileExtractor,
  DerivedWatermark,
  type Embedder,
  extractFactsWithModel,
  extractStatedFacts,
  factOrigin,
  forgetUserRecords,
  ingestKnowledge,
  LongTermMemory,
  MessageLog,
  OwedAnswers,
  type OwedMessage,
  type RecalledMemory,
  type RecallOptions,
  RoomMemory,
  type StoredMessage,
  shortTermWindow,
  summariseWithModel,
  turnMemoryText,
  WorkingMemory,
} from "../memory/index.js";
import { isModelFailure, type ModelAbilities, type ModelGuard, type UsageMeter } from "../model/index.js";
import type { PluginMemory } from "../plugins/index.js";
import { type GroupCommit, groupCommitOf, type Store } from "../store/index.js";
import type { RoomQueue } from "./room-queue.js";
import { recordedId, type Turn } from "./turn.js";

export interface AgentMemoryOptions {
  character: Character;
  db: Store;
  embedder: Embedder;
  /** Folder for the long-term index files; default: in memory only. */
  indexDir?: string;
  /** The agent's chat model: with a real one, summaries and facts are also written by it. */
  chat: BaseChatModel;
  /** What `chat` can do: whether it writes the rooms' running summaries. */
  abilities: ModelAbilities;
  guard?: ModelGuard;
  meter: UsageMeter;
  logger: Logger;
  /** The agent's room queue: model work on memory waits behind the room's current message. */
  queue: RoomQueue;
  /** How often the index files are saved while running (a crash costs at most this much indexing); 0: only at stop. Default 60 s. */
  indexSaveMs?: number;
  /** Memories a recall may compare one by one before their shelf gets an hnswlib index. Default 1024. */
  exactSearchUpTo?: number;
}

const DEFAULT_INDEX_SAVE_MS = 60_000;

/** What step 3 (recall) hands to the prompt. */
export interface Recollection {
  history: StoredMessage[];
  memories: RecalledMemory[];
  knowledge: RecalledMemory[];
}

const KNOWLEDGE_K = 3;
const CONVERSATION_KINDS: RecallOptions["kinds"] = ["message", "fact", "summary"];
/** Messages worth asking a real model for facts: the user says something about themselves. */
const STATES_SOMETHING = /\b(?:i|i'm|i've|i'd|my|me|mine)\b/i;

/**
 * The memory side of an agent's pipeline: step 1 (record), step 3 (recall)
 * and step 8 (reflect) over the three kinds of memory, with the rules of who
 * may see what (a DM stays in the DM).
 */
export class AgentMemory {
  readonly log: MessageLog;
  /** The answers owed on platforms, for a start after a crash. */
  private readonly owed: OwedAnswers;
  readonly working: WorkingMemory;
  readonly longTerm: LongTermMemory;
  /** Each room's running summary and open goals. */
  readonly rooms: RoomMemory;
  private readonly character: Character;
  private readonly db: Store;
  private readonly chat: BaseChatModel;
  private readonly guard: ModelGuard | undefined;
  private readonly logger: Logger;
  private readonly queue: RoomQueue;
  private readonly extractProfile: ReturnType<typeof createProfileExtractor>;
  private flushTimer: NodeJS.Immediate | undefined;
  /** The store's group commit: derived writes of every agent, committed together. */
  private readonly commits: GroupCommit;
  private readonly watermark: DerivedWatermark;
  private saveTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly indexSaveMs: number;
  private readonly hasIndexFiles: boolean;

  constructor(options: AgentMemoryOptions) {
    const { character, db } = options;
    this.character = character;
    this.db = db;
    this.chat = options.chat;
    this.guard = options.guard;
    this.logger = options.logger;
    this.queue = options.queue;
    this.indexSaveMs = options.indexSaveMs ?? DEFAULT_INDEX_SAVE_MS;
    this.hasIndexFiles = options.indexDir !== undefined;
    this.log = new MessageLog(db, character.name);
    this.owed = new OwedAnswers(db, character.name);
    this.commits = groupCommitOf(db);
    this.watermark = new DerivedWatermark(db, character.name);
    this.working = new WorkingMemory(db, character.name);
    this.extractProfile = createProfileExtractor(character.memory.profile ?? {});
    this.rooms = new RoomMemory({
      working: this.working,
      log: this.log,
      settings: character.memory,
      // A model that cannot write one (the offline model would only echo) leaves the summary extractive.
      writer: options.abilities.summarise
        ? (summary, turns) =>
            summariseWithModel(options.chat, summary, turns, { guard: options.guard, meter: options.meter })
        : undefined,
      onWriterError: (error) => this.logger.warn({ err: error }, "summary written extractively: the model failed"),
    });
    this.longTerm = new LongTermMemory({
      db,
      agent: character.name,
      embedder: options.embedder,
      exactUpTo: options.exactSearchUpTo,
      indexDir: options.indexDir,
    });
  }

  /**
   * Loads long-term memory (adding what the saved index files lack in the
   * background, while the agent serves), saves the index files every
   * `indexSaveMs`, and ingests the character's knowledge (skipping what is
   * already stored).
   */
  async start(): Promise<void> {
    // Without index files the index lives in memory only and is built before serving, as it always is.
    this.longTerm.open({ background: this.hasIndexFiles });
    this.rememberUnderived();
    this.reportRebuild();
    if (this.indexSaveMs > 0 && this.hasIndexFiles) {
      this.saveTimer = setInterval(() => this.saveIndexes(), this.indexSaveMs);
      this.saveTimer.unref();
    }
    const report = await ingestKnowledge(this.longTerm, this.character.knowledge, dirname(this.character.source.file), {
      events: {
        warn: (message) => this.logger.warn(message),
        progress: (files, bytes) => this.logger.info({ files, bytes }, "reading knowledge"),
      },
    });
    if (report.added + report.removed > 0) this.logger.debug(report, "knowledge ingested");
  }

  /** Embeds what is pending and saves the indexes. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.commits.flush();
    if (this.flushTimer) clearImmediate(this.flushTimer);
    clearInterval(this.saveTimer);
    await this.longTerm.save();
  }

  /** After a crash: the memories of acknowledged messages that the last group commit did not reach, from the log. */
  private rememberUnderived(): void {
    const missing = this.watermark.underived();
    if (missing.length === 0) return;
    this.db.transaction(() => {
      for (const message of missing) this.rememberMessage(message);
    })();
    this.logger.warn(
      { agent: this.character.name, messages: missing.length },
      "remembered again the messages whose memories a crash interrupted",
    );
  }

  /** Commits what waits in the group commit (a forget or a reader needs it written). */
  commitWaiting(): void {
    this.commits.flush();
  }

  /** Says in the log when the vector index lacks memories after a crash, and when they are back. */
  private reportRebuild(): void {
    const { rebuilding, missing } = this.longTerm.indexStatus;
    if (!rebuilding) return;
    const agent = this.character.name;
    const started = performance.now();
    this.logger.warn(
      { agent, missing },
      `${agent}'s vector index lacks ${missing} memories (no clean stop saved it); adding them in the background while serving`,
    );
    void this.longTerm.whenIndexed().then(() => {
      // Stopped half-way: the next start carries on from what the stop saved.
      if (this.stopping) return;
      const { added } = this.longTerm.indexStatus;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.logger.info({ agent, added }, `${agent}'s vector index is complete again (${added} added in ${seconds} s)`);
    });
  }

  /** The timer's save: a failure (a full disk) is one line; the files saved before stay as they were. */
  private saveIndexes(): void {
    try {
      this.longTerm.saveIndexes();
    } catch (error) {
      this.logger.error({ err: error, agent: this.character.name }, "could not save the vector index; will try again");
    }
  }

  /**
   * 1 record: the user's message, committed before anything else happens to
   * it (in the group commit at the next turn of the event loop, which every
   * room and agent of the store share); undefined for a redelivered message.
   * Its long-term memory follows in a later group commit, which moves the
   * derived watermark: a crash before that loses only what the next start
   * rebuilds from the log (`start`).
   */
  async recordMessage(message: InboundMessage, text: string, owed = false): Promise<StoredMessage | undefined> {
    const { room, user } = message;
    const turn = await this.commits.commit(() =>
      this.log.record({
        room: room.id,
        userId: user.id,
        userName: user.name,
        role: "user",
        text,
        platform: message.platform,
        externalId: message.id,
        createdAt: message.receivedAt,
        owed: owed
          ? {
              kind: room.kind,
              mentionsAgent: message.mentionsAgent,
              repliesToAgent: message.repliesToAgent,
              isBot: user.isBot,
            }
          : undefined,
      }),
    );
    if (turn && text) this.deferWrite(() => this.rememberMessage(turn));
    return turn;
  }

  /**
   * 7 reply: the agent's answer, committed (in the shared group commit)
   * before it goes out; its memory follows in a later one, like the user's message's.
   */
  async recordReply(message: InboundMessage, reply: string, answers: number): Promise<void> {
    const answer = await this.commits.commit(() =>
      this.log.record({
        room: message.room.id,
        userId: message.user.id,
        userName: this.character.name,
        role: "agent",
        text: reply,
        platform: message.platform,
        answers,
      }),
    );
    if (answer) this.deferWrite(() => this.rememberMessage(answer));
  }

  /**
   * Message `id` is owed nothing any more (its platform took the reply, or the agent stays silent), written
   * in the next group commit: a crash before it sends the answer once more after the restart.
   */
  settleOwed(id: number): void {
    this.commits.defer(
      () => this.owed.settle(id),
      (error) => this.logger.error({ err: error }, "could not mark a message answered"),
    );
  }

  /**
   * The answers owed on `platform` for messages of the last `withinMs`, oldest first, each noted as
   * taken up by this start; older ones are owed no more (a question from long ago is not answered out
   * of the blue), nor is one an earlier start took up and died on; the log says so.
   */
  owedAnswers(platform: string, withinMs: number): OwedMessage[] {
    const since = Date.now() - withinMs;
    const expired = this.owed.expire(since);
    if (expired > 0) {
      this.logger.warn(
        { agent: this.character.name, messages: expired },
        `${expired} messages a stop left unanswered are older than ${Math.round(withinMs / 1000)} s; not answered`,
      );
    }
    const owed = this.owed.list(platform, since);
    // A start that took a message up and never got its answer out may have died of that very message (out of
    // memory, a native crash): answering it again could stop every start after it. One try after a crash is all.
    const givenUp = owed.filter((message) => message.takenUp > 0);
    for (const message of givenUp) this.owed.settle(message.id);
    if (givenUp.length > 0) {
      this.logger.warn(
        { agent: this.character.name, messages: givenUp.map((message) => message.id) },
        `${givenUp.length} messages a stop left unanswered were not answered: an earlier start took them up and stopped before it could`,
      );
    }
    const toAnswer = owed.filter((message) => message.takenUp === 0);
    this.owed.takeUp(toAnswer.map((message) => message.id));
    return toAnswer;
  }

  /** The long-term memory of a logged turn (the user's or the agent's), and the watermark past it. */
  private rememberMessage(turn: StoredMessage): void {
    this.remember(turnMemoryText(turn.userName, turn.text), { room: turn.room, userId: turn.userId }, turn.id);
    this.watermark.advance(turn.id);
  }

  private deferWrite(write: () => void): void {
    this.commits.defer(write, (error) => this.logger.error({ err: error }, "could not write a message's memory"));
  }

  /** 3 recall: the short-term window, long-term memories in scope and knowledge, for a message. */
  async recall(turn: Turn): Promise<Recollection> {
    const { message, text } = turn;
    const messageId = recordedId(turn);
    const settings = this.character.memory;
    const earlier = this.log
      .recent(message.room.id, settings.shortTermTurns + 1)
      .filter((turn) => turn.id !== messageId);
    const history = shortTermWindow(earlier, settings).window;
    const inWindow = new Set(history.map((turn) => turn.id));
    inWindow.add(messageId);
    const scope = { ...recallScope(message), excludeSourceMessageIds: inWindow };
    // A delegated task is answered as a task: what the asking agent sent before is no answer to it.
    const memories = message.delegation
      ? []
      : await this.recallOrNothing(text, { k: settings.recallK, kinds: CONVERSATION_KINDS, ...scope }, turn);
    const knowledge = await this.recallOrNothing(text, { k: KNOWLEDGE_K, kinds: ["knowledge"] }, turn);
    return { history, memories, knowledge };
  }

  /** Forgets one user: their long-term memories, then what `forgetUserRecords` drops (profile, own rooms, messages). */
  forgetUser(userId: string): ForgottenUser {
    this.commits.flush();
    const memories = this.longTerm.forgetWhere({ userId });
    const records = forgetUserRecords(this.db, this.character.name, userId);
    this.working.reload();
    return { memories, ...records };
  }

  /** Memory as plugins see it: this user's facts and long-term memories of this room and user. */
  pluginMemory(message: InboundMessage, scope: string): PluginMemory {
    const where = { room: message.room.id, userId: message.user.id };
    return {
      facts: () => this.working.visibleFacts(scope, message.room),
      recall: async (query, k = 5) => {
        const options: RecallOptions = { k, kinds: CONVERSATION_KINDS, ...recallScope(message) };
        return (await this.longTerm.recall(query, options)).map((memory) => memory.text);
      },
      remember: (text, importance = 0.6) => {
        this.longTerm.add({ kind: "fact", text, importance, ...where });
        this.scheduleFlush();
      },
    };
  }

  /**
   * 8 reflect: what the user's message teaches the agent: their stated facts
   * into their profile, and the room's goals and running summary, written in
   * the shared group commit; resolves once they are committed.
   */
  learnFrom(turn: Turn): Promise<void> {
    const { message, text, scope } = turn;
    const messageId = recordedId(turn);
    const now = Date.now();
    const facts = [...extractStatedFacts(text), ...this.extractProfile(text)];
    return this.commits.commit(() => {
      if (facts.length > 0) {
        // A fact said again is already a memory: storing it once more would only crowd recall.
        const news = facts.filter((fact) => !this.working.knows(scope, fact));
        this.working.applyFacts(scope, facts, now, factOrigin(message.room));
        for (const fact of news)
          this.remember(`${message.user.name}: ${fact.key}: ${fact.value}`, message, messageId, "fact");
      }
      const queueKey = `${message.platform}:${message.room.id}`;
      if (this.guard && text && STATES_SOMETHING.test(text)) {
        // A real model reads what the patterns miss; queued behind this message, like the summary.
        void this.queue.run(queueKey, () => this.learnWithModel(scope, text, message, messageId));
      }
      if (this.rooms.updateAfterTurn(message.room.id, text, now)) {
        // Queued behind this message, in the room's order: the next message of the room sees the new summary.
        void this.queue.run(queueKey, () => this.rooms.summarise(message.room.id));
      }
    });
  }

  /** Facts the chat model finds in the user's message (structured output), applied like the pattern facts. */
  private async learnWithModel(scope: string, text: string, message: InboundMessage, messageId: number) {
    const facts = (
      await extractFactsWithModel(this.chat, text, {
        guard: this.guard,
        logger: this.logger,
        extraKeys: Object.keys(this.character.memory.profile ?? {}),
      })
    ).filter((fact) => !this.working.knows(scope, fact));
    if (facts.length === 0) return;
    this.db.transaction(() => {
      this.working.applyFacts(scope, facts, Date.now(), factOrigin(message.room));
      for (const fact of facts) {
        this.remember(`${message.user.name}: ${fact.key}: ${fact.value}`, message, messageId, "fact");
      }
    })();
  }

  /** Recall that survives an embedding server being down: the reply then goes without long-term memories. */
  private async recallOrNothing(text: string, options: RecallOptions, turn: Turn): Promise<RecalledMemory[]> {
    try {
      return await this.longTerm.recall(text, options);
    } catch (error) {
      if (!isModelFailure(error)) throw error;
      turn.trace.logger.warn({ code: error.code }, `recall skipped: ${error.message}`);
      return [];
    }
  }

  /** Stores a long-term memory now and embeds it after the reply has gone out. */
  private remember(
    text: string,
    where: InboundMessage | { room: string; userId: string },
    messageId: number,
    kind: "message" | "fact" = "message",
  ) {
    const scope = "platform" in where ? { room: where.room.id, userId: where.user.id } : where;
    this.longTerm.add({
      kind,
      text,
      ...scope,
      sourceMessageId: messageId,
      importance: kind === "fact" ? 0.8 : 0.5,
    });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setImmediate(() => {
      this.flushTimer = undefined;
      this.longTerm.flush().catch((error: unknown) => this.logger.error({ err: error }, "could not index memories"));
    });
  }
}

/**
 * Long-term memories a reply in this room may draw on: in a direct room the
 * room's and the user's; in a group room only the room's own, so nothing a
 * user said in private reaches the others.
 */
function recallScope(message: InboundMessage): Pick<RecallOptions, "room" | "userId"> {
  return message.room.kind === "direct"
    ? { room: message.room.id, userId: message.user.id }
    : { room: message.room.id };
}
