import { FACT_KEY } from "../memory/index.js";
import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";
import { answerFromUserStatement } from "./user-statement-reply.js";

type Answer = (ctx: ReplyContext, facts: Map<string, string>) => string;

const NOT_TOLD = [
  "You haven't told me {x} yet.",
  "I don't know {x} yet. Tell me?",
  "You haven't mentioned {x} so far.",
];

/** No such fact in working memory: the user's own recalled statement answers if one does, else "not told". */
function notTold(ctx: ReplyContext, what: string): string {
  return answerFromUserStatement(ctx) ?? pick(NOT_TOLD, ctx.seed, 1).replace("{x}", what);
}

/** `a dog called Rex` → `Rex`. */
function petName(pet: string): string | undefined {
  return /\b(?:called|named)\s+(.+)$/i.exec(pet)?.[1];
}

/** `a dog called Rex` → `dog`. */
function petKind(pet: string): string | undefined {
  return /^(?:an?\s+)?(\p{L}+)\s+(?:called|named)\b/iu.exec(pet)?.[1];
}

function answerName(ctx: ReplyContext, facts: Map<string, string>): string {
  const name = facts.get(FACT_KEY.name);
  if (name)
    return pick(["Your name is {n}.", "You're {n}, of course.", "You told me your name is {n}."], ctx.seed, 2).replace(
      "{n}",
      name,
    );
  const display = ctx.conversation.speaker.get("display name");
  if (display) return `You haven't told me your name yet, but you go by ${display} here.`;
  return notTold(ctx, "your name");
}

function answerLocation(ctx: ReplyContext, facts: Map<string, string>): string {
  const place = facts.get(FACT_KEY.location);
  if (!place) return notTold(ctx, "where you live");
  return pick(["You live in {p}.", "Last I heard, you live in {p}.", "In {p}, as far as I know."], ctx.seed, 3).replace(
    "{p}",
    place,
  );
}

function answerJob(ctx: ReplyContext, facts: Map<string, string>): string {
  const job = facts.get(FACT_KEY.job);
  if (!job) return notTold(ctx, "what you do for work");
  return pick(
    ["You work as {j}.", "You're {j}, if I remember right.", "You told me you work as {j}."],
    ctx.seed,
    4,
  ).replace("{j}", job);
}

function answerPet(ctx: ReplyContext, facts: Map<string, string>): string {
  const pet = facts.get(FACT_KEY.pet);
  if (!pet) return notTold(ctx, "about a pet");
  const name = petName(pet);
  const kind = petKind(pet);
  if (name && kind) return `Your ${kind} is called ${name}.`;
  return `You have ${pet}.`;
}

function answerAge(ctx: ReplyContext, facts: Map<string, string>): string {
  const age = facts.get(FACT_KEY.age);
  return age ? `You told me you're ${age}.` : notTold(ctx, "how old you are");
}

function answerLikes(ctx: ReplyContext, facts: Map<string, string>): string {
  const likes = facts.get(FACT_KEY.likes);
  const favourites = [...facts].filter(([key]) => key.startsWith(FACT_KEY.favouritePrefix)).map(([, value]) => value);
  const all = [likes, ...favourites].filter((value): value is string => Boolean(value));
  return all.length > 0 ? `You like ${all.join(", ")}.` : notTold(ctx, "what you like");
}

function answerDislikes(ctx: ReplyContext, facts: Map<string, string>): string {
  const dislikes = facts.get(FACT_KEY.dislikes);
  return dislikes ? `You don't like ${dislikes}.` : notTold(ctx, "what you dislike");
}

function answerFavourite(thing: string): Answer {
  return (ctx, facts) => {
    const key = `${FACT_KEY.favouritePrefix}${thing}`;
    const value = facts.get(key) ?? facts.get(key.replace("colour", "color")) ?? facts.get(key.replace(/s$/, ""));
    if (!value) return notTold(ctx, `your favourite ${thing}`);
    return pick(["Your favourite {t} is {v}.", "{V}, of course — your favourite {t}."], ctx.seed, 5)
      .replace("{t}", thing)
      .replace("{v}", value)
      .replace("{V}", value.charAt(0).toUpperCase() + value.slice(1));
  };
}

/** A fact about the user as said to them: "you have a dog called Rex". */
export function factPhrase(key: string, value: string): string {
  if (key === FACT_KEY.name) return `your name is ${value}`;
  if (key === FACT_KEY.location) return `you live in ${value}`;
  if (key === FACT_KEY.job) return `you work as ${value}`;
  if (key === FACT_KEY.pet) return `you have ${value}`;
  if (key === FACT_KEY.age) return `you're ${value}`;
  if (key === FACT_KEY.likes) return `you like ${value}`;
  if (key === FACT_KEY.dislikes) return `you don't like ${value}`;
  if (key.startsWith(FACT_KEY.favouritePrefix)) return `your ${key} is ${value}`;
  return `${key}: ${value}`;
}

/** Everything known, as one sentence: "your name is Alice, you live in Lima and you have a dog called Rex". */
function answerEverything(ctx: ReplyContext, facts: Map<string, string>): string {
  const parts = [...facts].map(([key, value]) => factPhrase(key, value));
  if (parts.length === 0) return "Not much yet! Tell me about yourself.";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${pick(["Here's what I know:", "Let me see:", "I remember that"], ctx.seed, 6)} ${list}.`;
}

/** "How do you know that?": from the user, when the last reply repeated something they said, else from what it read. */
function answerSource(ctx: ReplyContext, facts: Map<string, string>): string {
  const lastReply = ctx.conversation.lastReply?.toLowerCase() ?? "";
  const repeated = [...facts.values()].some((value) => value.length > 1 && lastReply.includes(value.toLowerCase()));
  if (repeated) return pick(["You told me yourself!", "Because you told me, and I listen."], ctx.seed, 9);
  return pick(
    [
      "It's part of what I know, from what I've read and what people have told me.",
      "It's something I picked up along the way.",
    ],
    ctx.seed,
    9,
  );
}

const QUESTIONS: [RegExp, Answer][] = [
  [/\bhow (?:do|did) you (?:know|remember) (?:that|this|it)\b/, answerSource],
  [
    /\bwhat (?:do|does) you (?:know|remember) about me\b|\btell me (?:what|everything) you (?:know|remember) about me\b/,
    answerEverything,
  ],
  [
    /\bwhat(?:'s| is) my name\b|\bwho am i\b|\bdo you (?:know|remember) (?:my name|who i am)\b|\bwhat do you call me\b/,
    answerName,
  ],
  [
    /\bwhere do i (?:live|stay|reside)\b|\bwhere am i (?:living|based)\b|\bdo you (?:know|remember) where i live\b|\bwhere(?:'s| is) my home\b/,
    answerLocation,
  ],
  [
    /\bwhat(?:'s| is) my (?:job|work|profession|occupation|line of work)\b|\bwhat do i do(?: for (?:a )?(?:living|work))?\??$|\bwhat do i work as\b|\bwhere do i work\b|\bwhat(?:'s| is) my day job\b/,
    answerJob,
  ],
  [
    /\bdo i have (?:a |any )?pets?\b|\bwhat(?:'s| is) my (?:pet|dog|cat)(?:'s name)?\b|\bwhat(?:'s| is) my (?:pet|dog|cat|\w+) called\b|\bwhat pet do i have\b|\bwhat(?:'s| is) the name of my (?:pet|dog|cat|\w+)\b/,
    answerPet,
  ],
  [/\bhow old am i\b|\bwhat(?:'s| is) my age\b/, answerAge],
  [/\bwhat (?:don't|do not) i like\b|\bwhat do i (?:dislike|hate)\b/, answerDislikes],
  [/\bwhat (?:do|things do) i (?:like|love|enjoy)\b/, answerLikes],
];

const FAVOURITE = /\bwhat(?:'s| is| are) my fav(?:ou?rite|e) ([a-z]+(?: [a-z]+)?)\b/;

/**
 * Answers questions about the user from the prompt's "What you know about
 * the user" facts: name, home, job, pet, age, likes, dislikes, favourites and
 * "what do you know about me". When the fact is missing it says so.
 */
export function answerMemoryQuestion(ctx: ReplyContext): string | undefined {
  const text = ctx.conversation.text.toLowerCase().replace(/’/g, "'");
  const facts = ctx.conversation.facts;
  const favourite = FAVOURITE.exec(text)?.[1];
  if (favourite) return answerFavourite(favourite.replace(/\bcolor\b/, "colour"))(ctx, facts);
  for (const [pattern, answer] of QUESTIONS) if (pattern.test(text)) return answer(ctx, facts);
  return undefined;
}
