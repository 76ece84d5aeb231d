import type { AgentParts } from "../agent-parts.js";
import type { Step } from "../run-steps.js";

/**
 * 8 reflect: what the user's message teaches the agent (facts, the room's
 * goals and summary), also when it stayed silent; then the plugins'
 * evaluators, in the background, when it answered.
 */
export function reflectStep(parts: AgentParts): Step {
  return {
    name: "reflect",
    always: true,
    async run(turn, next) {
      if (!turn.stored) return;
      await parts.memory.learnFrom(turn);
      if (turn.reply) parts.plugins.evaluate(turn.message, turn.memory, turn.reply);
      await next();
    },
  };
}
