import { fillNames } from "../text/index.js";
import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";

const GREETING =
  /^(?:hi|hello|hey|heya|hiya|howdy|hallo|hola|yo|sup|greetings|good (?:morning|afternoon|evening|day)|what's up|whats up|hey there|hi there|hello there)\b/i;

/** A message that is only a goodbye: "bye", "thanks, see you tomorrow!", "good night Theo". */
const FAREWELL =
  /^(?:(?:ok(?:ay)?|well|thanks|thank you|right|alright)[,!.]?\s+)?(?:bye|bye-bye|goodbye|good night|goodnight|see you(?: later| soon| tomorrow)?|see ya|farewell|cya|take care|gotta go|i have to go|i'm off|talk (?:to you )?(?:later|soon)|ttyl)(?:[\s,]+(?:for now|then|now|all|everyone|\p{L}+))?[\s.!…\p{Extended_Pictographic}]*$/iu;

const SMALL_TALK = /\b(?:how are you|how(?:'s| is) it going|what's up|whats up|how are things|how do you do)\b/i;

/**
 * Answers a greeting: the character's own greeting on the first exchange,
 * otherwise an in-character hello, by name when the user's name is known.
 * A goodbye gets a goodbye.
 */
export function answerGreeting(ctx: ReplyContext): string | undefined {
  const text = ctx.conversation.text;
  if (FAREWELL.test(text)) return farewell(ctx);
  // "hello, can you help me find a recipe for bread" is a request that starts politely, not a greeting.
  if (!GREETING.test(text) || text.split(/\s+/).length > 6) return undefined;
  // "hey, who are you?" wants an answer, not a hello; "hi, how are you?" is still a greeting.
  if (text.includes("?") && !SMALL_TALK.test(text)) return undefined;
  const { character, name, seed, voice } = ctx;
  if (character.greeting && ctx.conversation.isFirstExchange)
    return fillNames(character.greeting, name, character.name);
  const hello = pick(
    name ? ["Hello, {n}!", "Hi {n}!", "Hey {n}, good to see you."] : ["Hello!", "Hi there!", "Hey, good to see you."],
    seed,
    30,
  ).replace("{n}", name ?? "");
  const topic = voice.topics.length > 0 ? pick(voice.topics, seed, 31) : undefined;
  const follow = topic
    ? pick(["What's on your mind today?", `Been thinking about ${topic} lately?`, "How are you doing?"], seed, 32)
    : pick(["What's on your mind today?", "How are you doing?"], seed, 32);
  return `${hello} ${follow}`;
}

function farewell(ctx: ReplyContext): string {
  const bye = pick(
    ctx.name ? ["Bye, {n}!", "Take care, {n}!", "See you soon, {n}."] : ["Bye!", "Take care!", "See you soon."],
    ctx.seed,
    33,
  ).replace("{n}", ctx.name ?? "");
  return `${bye} ${pick(["Come back any time.", "It was good talking with you.", "I'll be here."], ctx.seed, 34)}`;
}
