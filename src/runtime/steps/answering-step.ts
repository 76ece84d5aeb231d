import type { Step } from "../run-steps.js";
import { needsAnswer, type Turn } from "../turn.js";

/** The apology for a failure the agent did not foresee; the details go to the log. */
const TANGLED = "Sorry, my thoughts got tangled just now. Could you say that again?";

/**
 * A step on the way to the model's answer (recall, compose, generate): it
 * runs only while the turn still needs one, so a step that answered before
 * (decide, a plugin step) skips it. A failure is logged and answered with an
 * apology; the steps after it then skip too, and the agent keeps serving.
 */
export function answeringStep(name: string, work: (turn: Turn) => Promise<void>): Step {
  return {
    name,
    async run(turn, next) {
      if (needsAnswer(turn)) {
        try {
          await work(turn);
        } catch (error) {
          turn.trace.logger.error({ err: error, room: turn.message.room.id, step: name }, "could not generate a reply");
          turn.trace.note(`failed: ${error instanceof Error ? error.message : String(error)}`);
          turn.reply = { text: TANGLED, actions: [] };
        }
      } else {
        turn.trace.note("skipped: answered before");
      }
      await next();
    },
  };
}
