import type { Character } from "../character/character.js";
import type { AnalysedText } from "./analysed-text.js";
import type { CharacterIndex } from "./character-index.js";
import type { Voice } from "./persona-voice.js";
import type { Conversation } from "./read-conversation.js";

/** Everything one reply rule may look at. */
export interface ReplyContext {
  character: Character;
  conversation: Conversation;
  voice: Voice;
  /** Derived from the input, so the same conversation always gets the same reply. */
  seed: number;
  /** What to call the user: the name they told, else their display name. */
  name?: string;
  /** The latest human message, analysed. */
  message: AnalysedText;
  /** The character's precomputed examples and knowledge. */
  index: CharacterIndex;
  /** Embeds and stems text, cached by the model. */
  analyse(text: string): AnalysedText;
}

/** A reply rule: returns the reply, or undefined to let the next rule try. */
export type ReplyRule = (ctx: ReplyContext) => string | undefined;
