import { pick } from "./deterministic-choice.js";
import { factPhrase } from "./memory-questions.js";
import type { ReplyContext } from "./reply-context.js";
import { contentStems } from "./text-features.js";

/** "What is X?", "Who was X?", "Tell me about X", "Research X": asking for what the character would know. */
const ASKS_ABOUT = [
  /^(?:so |and |but )?(?:what|who)(?:'s| is| are| was| were) (.+)$/i,
  /^(?:what do you know|do you know anything|what can you tell me|can you tell me|tell me) about (.+)$/i,
  /^(?:please |can you |could you |would you )?(?:research|look up|find out about|explain|describe|summari[sz]e) (.+)$/i,
];
/** About the people talking ("the best book you have read"): the ELIZA rules take those. */
const PERSONAL = /\b(?:you|your|yours|yourself|i|me|my|mine|myself|we|us|our)\b/i;
/** Too vague to name back ("what's up", "what is it like"). */
const VAGUE =
  /^(?:it|its|this|that|these|those|there|here|he|she|they|him|her|them|his|their|up|going on|happening|wrong|new|next|so|the (?:time|date|day|weather))\b/i;
const DANGLING = /\b(?:like|for|about|with|to|of|doing|in|on|at)$/i;
const MAX_SUBJECT_WORDS = 8;

const DONT_KNOW = ["I don't know much about {s}, I'm afraid.", "I'm afraid I can't tell you much about {s}."];
const ASK_INSTEAD = ["I know more about {t}.", "Ask me about {t} instead?"];

/** The thing asked about, as the user named it, or undefined when the message asks for something else. */
function askedSubject(text: string): string | undefined {
  const request = text
    .replace(/’/g, "'")
    .replace(/[\s?.!]+$/, "")
    .trim();
  for (const pattern of ASKS_ABOUT) {
    const subject = pattern.exec(request)?.[1]?.trim();
    if (!subject || PERSONAL.test(subject) || VAGUE.test(subject) || DANGLING.test(subject)) continue;
    if (subject.split(/\s+/).length > MAX_SUBJECT_WORDS || /[,;:]/.test(subject)) continue;
    return subject;
  }
  return undefined;
}

/**
 * Says so when asked about something the character does not know. It comes
 * after the examples and the knowledge, so reaching it means neither had the
 * answer; turning a factual question back on the user ("What's your own
 * take?") would dodge it, and a helper asked to research something would
 * hand back a shrug. Names one of the character's topics instead.
 */
export function answerUnknownSubject(ctx: ReplyContext): string | undefined {
  const subject = askedSubject(ctx.conversation.text);
  if (!subject) return undefined;
  // "What is Miso?" after "I have a cat called Miso": the user told it, so it does know.
  const words = contentStems(subject);
  const told = [...ctx.conversation.facts].find(([, value]) => mentions(value, words));
  if (told) return `You told me ${factPhrase(told[0], told[1])}.`;
  // Said in the conversation or recalled in the prompt: not something to claim to know nothing about.
  const { earlier, sections } = ctx.conversation;
  if ([...earlier, ...[...sections.values()].flat()].some((text) => mentions(text, words))) return undefined;
  const reply = pick(DONT_KNOW, ctx.seed, 80).replace("{s}", subject);
  const { topics } = ctx.voice;
  return topics.length > 0
    ? `${reply} ${pick(ASK_INSTEAD, ctx.seed, 81).replace("{t}", pick(topics, ctx.seed, 82))}`
    : reply;
}

/** Whether `text` holds every one of `words` (content-word stems). */
function mentions(text: string, words: string[]): boolean {
  if (words.length === 0) return false;
  const stems = new Set(contentStems(text));
  return words.every((word) => stems.has(word));
}
