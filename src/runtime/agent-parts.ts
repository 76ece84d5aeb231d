import type { Logger } from "pino";
import type { AgentDelegation } from "../bus/index.js";
import type { Character } from "../character/index.js";
import type { ActionContext, PendingConfirmations, PluginHost } from "../plugins/index.js";
import type { AgentChat } from "./agent-chat.js";
import type { AgentMemory } from "./agent-memory.js";
import type { BotExchanges } from "./bot-exchanges.js";
import type { ActionPolicy } from "./run-actions.js";
import type { TurnTrace } from "./trace/turn-trace.js";
import type { Turn } from "./turn.js";

/** What the pipeline's steps work with: the parts of one agent that outlive a message. */
export interface AgentParts {
  readonly name: string;
  readonly character: Character;
  readonly memory: AgentMemory;
  readonly chat: AgentChat;
  readonly plugins: PluginHost;
  readonly delegation: AgentDelegation | undefined;
  /** Actions waiting for a user's yes, by `Turn.conversation`. */
  readonly confirmations: PendingConfirmations;
  /** Bot messages answered in a row per room, so two bots do not talk forever. */
  readonly botExchanges: BotExchanges;
  readonly logger: Logger;
}

/** What an action handler gets while this turn is handled. */
export function actionContext(parts: AgentParts, turn: Turn): ActionContext {
  const { message } = turn;
  const runtime = parts.plugins.runtime;
  const ctx = {
    ...runtime,
    agentName: parts.name,
    message,
    memory: turn.memory,
    reply: (text: string) =>
      runtime.send({ platform: message.platform, room: message.room, userId: message.user.id, text }),
  };
  // An action's log lines carry the message's trace id; the child logger is made only if one logs. One getter
  // for every context: a getter written in the literal is a new function each time, and V8 gives each such
  // object a hidden class of its own, in the old generation, whose getter kept the whole turn (prompt,
  // recalled memories) alive through every young collection until the next full one.
  Object.defineProperty(ctx, TRACE, { value: turn.trace });
  return Object.defineProperty(ctx, "logger", { get: traceLogger, enumerable: true, configurable: true });
}

/** Where an action context keeps its turn's trace (not enumerable: a spread of the context leaves it out). */
const TRACE = Symbol("trace");

function traceLogger(this: { [TRACE]: TurnTrace }): Logger {
  return this[TRACE].logger;
}

/** Who is asking in this turn, which decides which actions they may run. */
export function actionPolicy(parts: AgentParts, turn: Turn, confirmed = false): ActionPolicy {
  const { platform, user } = turn.message;
  const isAdmin = parts.character.connectors[platform]?.admins.includes(user.id) ?? false;
  return { isAdmin, confirmed, timeoutMs: parts.plugins.timeoutMs };
}
