import { type AgentParts, actionContext, actionPolicy } from "../agent-parts.js";
import { runActions } from "../run-actions.js";
import type { Step } from "../run-steps.js";

/**
 * 6 act: the actions that wait on the user's word. Before one that needs
 * confirmation the agent asks, and keeps the call for this user and room;
 * when they said yes (step 2), it runs the call and its result is the answer.
 * The model's other tool calls ran during step 5.
 */
export function actStep(parts: AgentParts): Step {
  return {
    name: "act",
    async run(turn, next) {
      if (turn.confirmed && !turn.reply) {
        const outcome = await runActions(
          [turn.confirmed],
          parts.plugins.actions,
          actionContext(parts, turn),
          actionPolicy(parts, turn, true),
          turn.trace,
        );
        const run = outcome.runs[0];
        turn.reply = {
          text: run?.ok ? run.result : (run?.result ?? "Sorry, that did not work."),
          actions: outcome.runs,
        };
      } else if (turn.awaitingYes && !turn.reply) {
        const { call, action, runs } = turn.awaitingYes;
        parts.confirmations.ask(turn.conversation, call);
        const what = action.description.replace(/[.\s]+$/, "").toLowerCase();
        turn.reply = {
          text: `Before I ${call.name.replace(/_/g, " ")} (${what}): shall I go ahead? Say yes or no.`,
          actions: runs,
        };
      }
      await next();
    },
  };
}
