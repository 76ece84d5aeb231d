import type { BaseMessage, ToolCall } from "@langchain/core/messages";
import type { InboundMessage } from "../connectors/index.js";
import type { StoredMessage } from "../memory/index.js";
import type { Action, ActionRun, PluginMemory } from "../plugins/index.js";
import type { Recollection } from "./agent-memory.js";
import type { TurnTrace } from "./trace/turn-trace.js";

/** What the agent answered, and the actions it ran on the way. */
export interface AgentReply {
  text: string;
  actions: ActionRun[];
  /** The trace of the message (`Agent.trace`); absent for a refusal that never reached the pipeline. */
  traceId?: string;
  /**
   * For a message handled with `confirmsDelivery`: call once the platform took the reply. Until then the
   * message stays owed, and a start after a crash sends the reply again.
   */
  delivered?: () => void;
}

/**
 * One message on its way through the pipeline: what came in, and what each
 * step adds for the steps after it. A step reads what earlier steps wrote;
 * it never reaches back into the agent for per-message state.
 */
export interface Turn {
  readonly message: InboundMessage;
  /** The message's text, cleaned (control characters out, trimmed). */
  readonly text: string;
  /** The user's memory scope: their profile and facts. */
  readonly scope: string;
  /** This user in this room (`platform:room:user`): where an action waits for their yes. */
  readonly conversation: string;
  /** Receives the reply token by token as the model writes it. */
  readonly onToken?: (token: string) => void;
  /** Memory as plugins see it, scoped to this user and room; built once per message. */
  readonly memory: PluginMemory;
  /** What happens to the message, step by step; its `logger` puts the trace id on every line. */
  readonly trace: TurnTrace;
  /** Called once step 1 stored the message, or found it delivered twice. */
  readonly onRecorded?: () => void;
  /** The message is owed an answer until its platform took the reply (`HandleOptions.confirmsDelivery`). */
  readonly owed?: boolean;
  /** 1 record: the stored user message; the memories made from it point to its id. */
  stored?: StoredMessage;
  /** 2 decide: an action that waited for this user's yes, and got it; 6 act runs it. */
  confirmed?: ToolCall;
  /** 3 recall: the short-term window, long-term memories and knowledge for this message. */
  recollection?: Recollection;
  /** 4 compose: the prompt for the model. */
  prompt?: BaseMessage[];
  /** 5 generate: an action the model asked for that needs the user's yes first (6 act asks), and the actions run before it. */
  awaitingYes?: { call: ToolCall; action: Action; runs: ActionRun[] };
  /** The answer, from whichever step gave it (decide, a plugin step, generate, act). */
  reply?: AgentReply;
  /** 7 reply: the answer is recorded and no longer changes. */
  replied?: boolean;
  /** 7 reply: settles once the reply's row is committed; the reply goes out only then. */
  recorded?: Promise<void>;
}

/** True while the turn still needs the model: the agent answers, and no step has answered yet. */
export function needsAnswer(turn: Turn): boolean {
  return turn.reply === undefined && turn.confirmed === undefined;
}

/** The id of the user's message as step 1 recorded it; only steps after record ask. */
export function recordedId(turn: Turn): number {
  if (!turn.stored) throw new Error("the record step has not stored this message");
  return turn.stored.id;
}
