import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";

/** 1 record: the user's message, durable before anything else. A redelivered message stops here. */
export function recordStep(parts: AgentParts): Step {
  return {
    name: "record",
    async run(turn, next) {
      const { message } = turn;
      // A message owed an answer after a restart was recorded before the crash.
      turn.stored ??= await parts.memory.recordMessage(message, turn.text, turn.owed);
      turn.onRecorded?.();
      if (turn.stored) {
        await next();
        return;
      }
      turn.trace.note("delivered again: handled once");
      turn.trace.logger.debug(
        { platform: message.platform, room: message.room.id, reason: "already handled (delivered again)" },
        "not answering",
      );
    },
  };
}
