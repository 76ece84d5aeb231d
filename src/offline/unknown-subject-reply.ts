import { contentStems } from "../text/index.js";
import { pick } from "./deterministic-choice.js";
import { factPhrase } from "./memory-questions.js";
import type { ReplyContext } from "./reply-context.js";

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

/** "Why is the sky blue?", "How far away is the moon?": a factual question whose subject is not worth echoing. */
const FACTUAL_QUESTION =
  /^(?:what|how|why|when|where|which|who)(?:\s+[a-z]+){0,2}?\s+(?:is|are|was|were|do|does|did|can|could|will|would|has|have|causes?|makes?)\s+(.+)$/i;

const DONT_KNOW = ["I don't know much about {s}, I'm afraid.", "I'm afraid I can't tell you much about {s}."];
const DONT_KNOW_THAT = ["I'm afraid I don't know.", "That one I don't know, I'm afraid."];
const ASK_INSTEAD = ["I know more about {t}.", "Ask me about {t} instead?"];

/**
 * What is asked about: `named` when the message names a subject that can be said back ("the history of tea"),
 * `words` for the content of any other factual question; undefined for anything else.
 */
function askedSubject(text: string): { named?: string; words: string } | undefined {
  const request = text
    .replace(/’/g, "'")
    .replace(/[\s?.!]+$/, "")
    .trim();
  for (const pattern of ASKS_ABOUT) {
    const subject = pattern.exec(request)?.[1]?.trim();
    if (!subject || PERSONAL.test(subject) || VAGUE.test(subject) || DANGLING.test(subject)) continue;
    if (subject.split(/\s+/).length > MAX_SUBJECT_WORDS || /[,;:]/.test(subject)) continue;
    return { named: subject, words: subject };
  }
  // The whole question must be impersonal: "why do you like herbs?" is about the character, whatever its subject.
  const asked = FACTUAL_QUESTION.exec(request)?.[1]?.trim();
  return asked && !PERSONAL.test(request) && !VAGUE.test(asked) ? { words: asked } : undefined;
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
  const words = contentStems(subject.words);
  const told = [...ctx.conversation.facts].find(([, value]) => mentions(value, words));
  if (told) return `You told me ${factPhrase(told[0], told[1])}.`;
  // Said in the conversation or recalled in the prompt: not something to claim to know nothing about.
  const { earlier, sections } = ctx.conversation;
  if ([...earlier, ...[...sections.values()].flat()].some((text) => mentions(text, words))) return undefined;
  const reply = subject.named
    ? pick(DONT_KNOW, ctx.seed, 80).replace("{s}", subject.named)
    : pick(DONT_KNOW_THAT, ctx.seed, 80);
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
