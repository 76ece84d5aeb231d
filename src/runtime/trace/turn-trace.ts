import { randomUUID } from "node:crypto";
import type { BaseMessage } from "@langchain/core/messages";
import type { Logger } from "pino";
import type { RecalledMemory } from "../../memory/index.js";
import type { InboundMessage } from "../../messages/index.js";
import { promptTokens } from "./prompt-tokens.js";
import type { Trace, TraceDelegation, TracePrompt, TraceRecall, TraceStep, TraceSummary, TraceTool } from "./trace.js";

/** Characters of the message a trace summary shows. */
const SUMMARY_CHARS = 200;

/**
 * Records one message's way through the pipeline while it runs. Recording
 * is cheap because it runs on every message: it keeps references (the
 * recalled memories, the prompt) and times steps with `performance.now()`;
 * the shape the API shows (`Trace`) is built only when someone reads it.
 */
export class TurnTrace {
  readonly id = randomUUID();
  readonly agent: string;
  readonly platform: string;
  readonly user: string;
  readonly room: string;
  readonly text: string;
  /** The trace of the agent that delegated this message, when it came over the bus. */
  readonly parentId: string | undefined;
  /** Epoch ms. */
  readonly startedAt = Date.now();
  /** The steps as run, each timed whole: a step's `durationMs` includes the steps it ran through `next` (see `ownSteps`). */
  readonly steps: TraceStep[] = [];
  readonly tools: TraceTool[] = [];
  readonly delegations: TraceDelegation[] = [];
  durationMs = 0;
  reply: string | undefined;
  error: string | undefined;
  /** How long recall took, when the turn recalled (for the recall latency metric). */
  recallMs: number | undefined;
  /** The prompt's parts and their tokens (the prompt itself is not kept: holding it cost the reply path in GC). */
  prompt: TracePrompt = { sections: [], totalTokens: 0 };
  /** What recall brought, as the trace shows it (the memory's text is shared, not copied). */
  private recalledMemories: TraceRecall[] = [];
  private readonly origin = performance.now();
  private current: TraceStep | undefined;
  private readonly parentLogger: Logger;
  private turnLogger: Logger | undefined;

  constructor(agent: string, message: InboundMessage, text: string, logger: Logger) {
    this.agent = agent;
    this.platform = message.platform;
    this.user = message.user.name;
    this.room = message.room.id;
    this.text = text;
    this.parentId = message.delegation?.traceId;
    this.parentLogger = logger;
  }

  /** The agent's logger with this trace's id on every line; made on first use, as most turns log nothing. */
  get logger(): Logger {
    this.turnLogger ??= this.parentLogger.child({ traceId: this.id });
    return this.turnLogger;
  }

  /** A step begins; `stepEnded` times it. Notes go to the step begun last. */
  stepStarted(name: string): TraceStep {
    const step: TraceStep = { name, startedAt: this.startedAt + (performance.now() - this.origin), durationMs: 0 };
    this.steps.push(step);
    this.current = step;
    return step;
  }

  /** The step, and the steps it ran through `next`, have finished. */
  stepEnded(step: TraceStep): void {
    step.durationMs = this.startedAt + (performance.now() - this.origin) - step.startedAt;
  }

  /**
   * The steps with their own time: a step that ran the next one through `next` (it started within
   * the step's time) has that one's time taken out. Worked out here, when read, so that timing a
   * step on the reply path costs two clock reads.
   */
  ownSteps(): TraceStep[] {
    return this.steps.map((step, index) => {
      const inner = this.steps[index + 1];
      const nested = inner !== undefined && inner.startedAt < step.startedAt + step.durationMs;
      const durationMs = Math.max(0, step.durationMs - (nested ? inner.durationMs : 0));
      return { ...step, durationMs };
    });
  }

  /** A short line about what the running step did or why it skipped ("not addressed", "failed: …"). Call it before `next`. */
  note(detail: string): void {
    if (this.current) this.current.detail = detail;
  }

  /** The memories and knowledge recall brought to the prompt. */
  recalled(memories: readonly RecalledMemory[], knowledge: readonly RecalledMemory[], durationMs: number): void {
    this.recallMs = durationMs;
    const kept: TraceRecall[] = [];
    for (const list of [memories, knowledge]) {
      for (const { id, text, score, kind } of list) kept.push({ id, text, score, kind });
    }
    this.recalledMemories = kept;
  }

  /** The prompt the model will read: its parts' tokens are counted now. */
  prompted(prompt: readonly BaseMessage[]): void {
    this.prompt = promptTokens(prompt);
  }

  /** The whole message has been handled. */
  finish(reply: string | undefined, error?: unknown): void {
    this.durationMs = performance.now() - this.origin;
    this.reply = reply;
    if (error !== undefined) this.error = error instanceof Error ? error.message : String(error);
  }

  /** The trace in brief, as lists show it. */
  summary(): TraceSummary {
    const { id, agent, platform, user, room, startedAt, durationMs, reply, parentId, error } = this;
    const text = this.text.length > SUMMARY_CHARS ? `${this.text.slice(0, SUMMARY_CHARS)}…` : this.text;
    return { id, agent, platform, user, room, text, startedAt, durationMs, reply, parentId, error };
  }

  /** The whole trace, as `GET /traces/:id` shows it. */
  view(): Trace {
    return {
      ...this.summary(),
      text: this.text,
      steps: this.ownSteps(),
      recalled: this.recalledMemories.map((memory) => ({ ...memory })),
      prompt: {
        sections: this.prompt.sections.map((section) => ({ ...section })),
        totalTokens: this.prompt.totalTokens,
      },
      tools: this.tools.map((tool) => ({ ...tool })),
      delegations: this.delegations.map((delegation) => ({ ...delegation })),
    };
  }
}
