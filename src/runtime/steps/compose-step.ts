import type { AgentParts } from "../agent-parts.js";
import { composePrompt } from "../compose-prompt.js";
import type { Step } from "../run-steps.js";
import { answeringStep } from "./answering-step.js";

/** 4 compose: the prompt, from the character, what was recalled, the user's facts, the room and the providers. */
export function composeStep(parts: AgentParts): Step {
  return answeringStep("compose", async (turn) => {
    const { message, text, recollection } = turn;
    const prompt = composePrompt({
      character: parts.character,
      message,
      text,
      facts: parts.memory.working.visibleFacts(turn.scope, message.room),
      ...parts.memory.rooms.view(message.room.id),
      memories: recollection?.memories ?? [],
      knowledge: recollection?.knowledge ?? [],
      history: recollection?.history ?? [],
      context: await parts.plugins.provide(message, turn.memory),
    });
    turn.prompt = prompt;
    turn.trace.prompted(prompt);
  });
}
