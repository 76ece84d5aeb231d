import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";
import { recordedId } from "../turn.js";

/**
 * 7 reply: the answer, recorded before it is returned to the connector; from
 * here it no longer changes. Always runs; with no answer (the agent stays
 * silent) it records nothing and the steps after reply are skipped.
 */
export function replyStep(parts: AgentParts): Step {
  return {
    name: "reply",
    always: true,
    async run(turn, next) {
      if (!turn.reply) return;
      await parts.memory.recordReply(turn.message, turn.reply.text, recordedId(turn));
      turn.replied = true;
      await next();
    },
  };
}
