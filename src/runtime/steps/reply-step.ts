import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";
import { recordedId } from "../turn.js";

/**
 * 7 reply: the answer, recorded before it is returned to the connector; from
 * here it no longer changes. Its row is queued in the next group commit,
 * which reflect's writes join, and `Agent.handle` waits for that commit
 * (`Turn.recorded`) before returning the reply; plugins' steps after reply
 * run once it is committed. Always runs; with no answer
 * (the agent stays silent) it records nothing and the steps after reply are
 * skipped.
 */
export function replyStep(parts: AgentParts): Step {
  const afterReply = parts.plugins.stepsAt("afterReply").length > 0;
  return {
    name: "reply",
    always: true,
    async run(turn, next) {
      if (!turn.reply) return;
      turn.recorded = parts.memory.recordReply(turn.message, turn.reply.text, recordedId(turn));
      // Awaited by the agent before the reply goes out; marked handled here so a failure the steps after
      // reply already reported (they share the commit) is never an unhandled rejection.
      turn.recorded.catch(() => {});
      turn.replied = true;
      // A plugin's step after reply sees a reply already committed; without one, reflect's writes share its commit.
      if (afterReply) await turn.recorded;
      await next();
    },
  };
}
