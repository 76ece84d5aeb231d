import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";
import { answeringStep } from "./answering-step.js";

/** 3 recall: the short-term window, long-term memories in scope and knowledge for this message. */
export function recallStep(parts: AgentParts): Step {
  return answeringStep("recall", async (turn) => {
    const started = performance.now();
    const recollection = await parts.memory.recall(turn);
    turn.recollection = recollection;
    turn.trace.recalled(recollection.memories, recollection.knowledge, performance.now() - started);
  });
}
