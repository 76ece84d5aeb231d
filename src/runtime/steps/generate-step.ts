import { creditHelpers } from "../../bus/index.js";
import { isModelFailure, ModelUnavailableError } from "../../model/index.js";
import { unavailableReply } from "../../offline/index.js";
import { type AgentParts, actionContext, actionPolicy } from "../agent-parts.js";
import { generateWithActions } from "../generate-with-actions.js";
import type { Step } from "../run-steps.js";
import type { Turn } from "../turn.js";
import { answeringStep } from "./answering-step.js";

/**
 * 5 generate: the model answers the prompt, calling actions as tools on the
 * way (`generateWithActions` runs them between its rounds). While the model
 * server is down the fallback model answers, or the character apologises.
 */
export function generateStep(parts: AgentParts): Step {
  return answeringStep("generate", async (turn) => {
    try {
      await generate(parts, turn, false);
    } catch (error) {
      if (!isModelFailure(error)) throw error;
      await whileModelIsDown(parts, turn, error);
    }
  });
}

/** The model server failed: answer with the fallback model if the character has one, else apologise in character. */
async function whileModelIsDown(parts: AgentParts, turn: Turn, failure: Error & { code: string }): Promise<void> {
  const room = turn.message.room.id;
  const logger = turn.trace.logger;
  // A known failure is one clear line (never the key, never a stack); the cause is there at debug level.
  // While the circuit is open every message fails fast: the failures that opened it were the errors.
  const failingFast = failure instanceof ModelUnavailableError && failure.retryInMs !== undefined;
  logger[failingFast ? "warn" : "error"]({ code: failure.code, room }, failure.message);
  logger.debug({ err: failure }, "model failure");
  if (parts.chat.hasFallback) {
    try {
      await generate(parts, turn, true);
      turn.trace.note(`the fallback model answered: ${failure.code}`);
      return;
    } catch (error) {
      logger.error({ err: error, room }, "the fallback model could not answer either");
    }
  }
  turn.trace.note(`apologised: ${failure.code}`);
  turn.reply = { text: unavailableReply(parts.character, turn.text), actions: [] };
}

async function generate(parts: AgentParts, turn: Turn, useFallback: boolean): Promise<void> {
  if (!turn.prompt) throw new Error("the compose step has not written a prompt");
  // The delegate tool lists what the other live agents can do now, so it is built and bound per message.
  const delegate = parts.delegation?.toolFor(parts.name, turn.message, turn.trace.id);
  const actions = delegate ? new Map([...parts.plugins.actions, ["delegate", delegate.action]]) : parts.plugins.actions;
  const { model, call } = parts.chat.prepare({ useFallback, delegate: delegate?.action, onToken: turn.onToken });
  const generated = await generateWithActions({
    model,
    // A copy: the tool rounds append to it, and the fallback starts again from the prompt.
    messages: [...turn.prompt],
    call,
    actions,
    ctx: () => actionContext(parts, turn),
    policy: actionPolicy(parts, turn),
    trace: turn.trace,
  }).finally(() => {
    if (delegate) turn.trace.delegations.push(...delegate.delegations);
  });
  if (generated.needsConfirmation) {
    turn.awaitingYes = { ...generated.needsConfirmation, runs: generated.runs };
  } else {
    // Helpers are credited to the person asking; a delegated task's answer goes back to an agent plain.
    const helpers = turn.message.delegation ? [] : (delegate?.helpers ?? []);
    turn.reply = { text: creditHelpers(generated.text, helpers), actions: generated.runs };
  }
}
