import type { Character } from "../character/character.js";
import { splitSentences } from "../text/index.js";
import { pick } from "./deterministic-choice.js";

/** How one character sounds: openers from its adjectives, style rules from its `style` lines, its topics. */
export interface Voice {
  /** A short opener in the character's manner ("Hmm.", "Oh!"), or "" for none; gentle when `text` sounds sad. */
  opener(seed: number, text: string): string;
  /** Applies the character's style (case, length, emoji, exclamations) to a finished reply. */
  finish(reply: string, seed: number): string;
  /** Topics the character likes to steer towards. */
  topics: string[];
}

const OPENERS: [RegExp, string[]][] = [
  [/curious|inquisitive|thoughtful|analytic|scholarly|nerdy/, ["Hmm.", "Interesting.", "Now that's a question."]],
  [/warm|kind|gentle|caring|friendly|empath|compassion|sweet|supportive/, ["Oh.", "I hear you.", "Mm."]],
  [/witty|sarcas|playful|funny|humou?r|cheeky|mischiev|snark/, ["Well, well.", "Ha.", "Oh, look at that."]],
  [/wise|calm|patient|serene|stoic|philosoph|zen|mystic/, ["Ah.", "Mm.", "Ah, yes."]],
  [/cheer|enthusias|energetic|bubbly|excit|upbeat|optimis/, ["Oh!", "Ooh!", "Yay!"]],
  [/grump|blunt|direct|terse|gruff|cynic/, ["Look.", "Right.", "Fine."]],
];
const GENTLE = ["I hear you.", "Oh.", "Mm."];
/** Words that make a bright opener ("Yay!") jarring. */
const SOMBRE =
  /\b(?:sad|stuck|lost|tired|sorry|bad|hurt|lonely|alone|angry|afraid|scared|worried|anxious|depressed|sick|ill|died|dead|miss|cry|crying|awful|terrible|stress(?:ed)?|broke|fail(?:ed)?|hate|pain)\b/i;
const EMOJI = ["✨", "🙂", "🌿", "😊", "🌟"];
const EMOJI_PATTERN = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu;
const HAS_EMOJI = /\p{Extended_Pictographic}/u;

function openersFor(adjectives: string[]): string[] {
  const openers: string[] = [];
  for (const adjective of adjectives) {
    for (const [pattern, choices] of OPENERS) if (pattern.test(adjective.toLowerCase())) openers.push(...choices);
  }
  return [...new Set(openers)];
}

/** Keeps at most `limit` sentences and a bounded length, cutting at a word. */
function clampReply(reply: string, limit: number): string {
  const sentences = splitSentences(reply).slice(0, limit).join(" ");
  if (sentences.length <= 480) return sentences;
  const cut = sentences.slice(0, 480);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 400))}…`;
}

/**
 * Builds the character's voice. Style lines are read for a few directives a
 * rule engine can honour: "lowercase", "brief"/"short" (no openers), "no emojis" or
 * "emojis", and "enthusiastic"/"exclamation marks".
 */
export function createVoice(character: Character): Voice {
  const style = [...character.style.all, ...character.style.chat].join(" ").toLowerCase();
  const lowercase = /lower ?case/.test(style) && !/(?:never|no|avoid|don't)\s+(?:use\s+)?lower ?case/.test(style);
  // Brief characters skip the opener rather than lose part of the answer.
  const brief = /\b(?:brief|short|concise|terse|succinct)\b/.test(style);
  const noEmoji = /(?:no|never|avoid|don't use|without)\s+(?:any\s+)?emoj/.test(style);
  const emoji = !noEmoji && /emoj/.test(style);
  const exclaim = /exclamation|enthusias|excited|energetic/.test(style);
  const openers = openersFor(character.adjectives);
  return {
    // Topics are often tags ("digital_assets"); they are said in sentences.
    topics: character.topics.map((topic) => topic.replace(/_/g, " ")),
    opener(seed, text) {
      if (brief || openers.length === 0 || seed % 2 !== 0) return "";
      return pick(SOMBRE.test(text) ? GENTLE : openers, seed, 11);
    },
    finish(reply, seed) {
      let text = clampReply(reply, 3);
      if (noEmoji) text = text.replace(EMOJI_PATTERN, "").replace(/\s+/g, " ").trim();
      if (exclaim) text = text.replace(/\.$/, "!");
      if (emoji && !HAS_EMOJI.test(text)) text = `${text} ${pick(EMOJI, seed, 13)}`;
      if (lowercase) text = text.toLowerCase();
      return text;
    },
  };
}
