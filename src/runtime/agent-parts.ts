import type { Logger } from "pino";
import type { AgentDelegation } from "../bus/index.js";
import type { Character } from "../character/index.js";
import type { ActionContext, PendingConfirmations, PluginHost } from "../plugins/index.js";
import type { AgentChat } from "./agent-chat.js";
import type { AgentMemory } from "./agent-memory.js";
import type { BotExchanges } from "./bot-exchanges.js";
import type { ActionPolicy } from "./run-actions.js";
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

/** What an action handler gets while this turn is handled: made only when the model calls an action. */
export function actionContext(parts: AgentParts, turn: Turn): ActionContext {
  const { message } = turn;
  const runtime = parts.plugins.runtime;
  return {
    ...runtime,
    // An action's log lines carry the message's trace id.
    logger: turn.trace.logger,
    agentName: parts.name,
    message,
    memory: turn.memory,
    reply: (text) => runtime.send({ platform: message.platform, room: message.room, userId: message.user.id, text }),
  };
}

/** Who is asking in this turn, which decides which actions they may run. */
export function actionPolicy(parts: AgentParts, turn: Turn, confirmed = false): ActionPolicy {
  const { platform, user } = turn.message;
  const isAdmin = parts.character.connectors[platform]?.admins.includes(user.id) ?? false;
  return { isAdmin, confirmed, timeoutMs: parts.plugins.timeoutMs };
}
