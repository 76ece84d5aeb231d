import { readConfirmation } from "../../plugins/index.js";
import { MAX_MESSAGE_CHARS } from "../../text/index.js";
import type { AgentParts } from "../agent-parts.js";
import { decideToRespond } from "../decide.js";
import type { Step } from "../run-steps.js";
import type { Turn } from "../turn.js";

/**
 * 2 decide: stay silent (not addressed, a bot past its limit), answer at once (an empty or
 * too long message, a "no" to a waiting action), or go on: to the model, or
 * with a "yes" to the waiting action, which step 6 runs. Only going on calls
 * `next`; the reply and reflect steps run either way.
 */
export function decideStep(parts: AgentParts): Step {
  return {
    name: "decide",
    async run(turn, next) {
      const { message } = turn;
      const decision = decideToRespond(message, parts.character, parts.botExchanges);
      if (!decision.respond) {
        // "It never answers" is one LOG_LEVEL=debug away from an explanation.
        turn.trace.note(`silent: ${decision.reason}`);
        turn.trace.logger.debug(
          { platform: message.platform, room: message.room.id, reason: decision.reason },
          "not answering",
        );
        return;
      }
      const answer = readConfirmation(turn.text);
      if (answer && parts.confirmations.has(turn.conversation)) {
        const call = parts.confirmations.take(turn.conversation);
        if (answer === "yes" && call) {
          turn.trace.note(`confirmed ${call.name}`);
          turn.confirmed = call;
          await next();
          return;
        }
        turn.reply = { text: "Alright, I won't do it.", actions: [] };
        return;
      }
      turn.reply = quickAnswer(turn);
      if (!turn.reply) await next();
    },
  };
}

/** The answer to a message the model need not read: nothing said, or too much. */
function quickAnswer({ text }: Turn): { text: string; actions: [] } | undefined {
  if (!text) return { text: "I didn't catch anything there. What would you like to say?", actions: [] };
  if (text.length <= MAX_MESSAGE_CHARS) return undefined;
  return {
    text: `That message is too long for me (${text.length.toLocaleString("en")} characters). Could you send it in parts of under ${MAX_MESSAGE_CHARS.toLocaleString("en")}?`,
    actions: [],
  };
}
