import { type StepPosition, type StepTurn, withLiveReply } from "../../plugins/index.js";
import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";
import type { Turn } from "../turn.js";

/** The plugins' steps at one position, as steps of the agent's pipeline. */
export function pluginSteps(parts: AgentParts, at: StepPosition): Step[] {
  return parts.plugins.stepsAt(at).map((step) => ({
    name: step.name,
    run: (turn, next) => step.run(stepTurn(turn), next),
  }));
}

/** The turn as a plugin step sees it: what came in, the answer so far, and a way to answer. */
function stepTurn(turn: Turn): StepTurn {
  const view = {
    message: turn.message,
    text: turn.text,
    memory: turn.memory,
    respond(text: string) {
      if (typeof text !== "string") throw new TypeError(`respond() expects the answer as text, got ${typeof text}`);
      if (turn.replied)
        throw new Error("respond() came too late: the reply has gone out; answer in a step before generate");
      turn.reply = { text, actions: turn.reply?.actions ?? [] };
    },
  };
  return withLiveReply(view, turn);
}
