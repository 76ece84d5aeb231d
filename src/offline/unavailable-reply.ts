import type { Character } from "../character/character.js";
import { pick, seedFrom } from "./deterministic-choice.js";
import { createVoice } from "./persona-voice.js";

const APOLOGIES = [
  "Sorry, I can't gather my thoughts right now. Give me a minute and ask me again?",
  "Forgive me, my mind has gone quiet for a moment. Could you try again shortly?",
  "Sorry, I'm not quite myself just now. Ask me again in a little while?",
];

/**
 * The short apology an agent gives while its model server is down, in the
 * character's voice (its opener and style rules, as the offline model uses
 * them), so the conversation stays in character.
 */
export function unavailableReply(character: Character, text: string): string {
  const voice = createVoice(character);
  const seed = seedFrom(character.name, text);
  const opener = voice.opener(seed, text);
  return voice.finish(`${opener ? `${opener} ` : ""}${pick(APOLOGIES, seed, 7)}`, seed);
}
