import { extractStatedFacts, FACT_KEY, type StatedFact } from "../memory/index.js";
import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";

function acknowledge(fact: StatedFact, seed: number): string {
  const { key, value } = fact;
  if (key === FACT_KEY.name) {
    return pick(
      ["Nice to meet you, {v}!", "Hello, {v}! Lovely to meet you.", "{v} — what a good name. Nice to meet you!"],
      seed,
      20,
    ).replaceAll("{v}", value);
  }
  if (key === FACT_KEY.location && fact.moved) {
    return pick(
      ["{v}! That's a big move — how are you settling in?", "So you're in {v} now! What's it like?"],
      seed,
      21,
    ).replaceAll("{v}", value);
  }
  if (key === FACT_KEY.location) {
    return pick(
      ["{v} — I'd love to hear what it's like there.", "Oh, {v}! What do you like most about it?"],
      seed,
      22,
    ).replaceAll("{v}", value);
  }
  if (key === FACT_KEY.job) {
    return pick(["Working as {v} must keep you busy.", "{V}! What's the best part of the job?"], seed, 23)
      .replaceAll("{v}", value)
      .replaceAll("{V}", value.charAt(0).toUpperCase() + value.slice(1));
  }
  if (key === FACT_KEY.pet) {
    const name = /\b(?:called|named)\s+(.+)$/i.exec(value)?.[1] ?? value;
    return pick(
      ["{n}! I'd love to hear more about {n}.", "What a lovely name, {n}. How long have you had them?"],
      seed,
      24,
    ).replaceAll("{n}", name);
  }
  if (key.startsWith(FACT_KEY.favouritePrefix)) {
    const thing = key.slice(FACT_KEY.favouritePrefix.length);
    return pick(
      ["{v} as your favourite {t} — good choice.", "Ah, {v}! I'll remember that's your favourite {t}."],
      seed,
      25,
    )
      .replaceAll("{v}", value)
      .replaceAll("{t}", thing);
  }
  if (key === FACT_KEY.likes)
    return pick(["You like {v}? What do you enjoy about it?", "{v} — noted! I'll remember that."], seed, 26).replaceAll(
      "{v}",
      value,
    );
  if (key === FACT_KEY.dislikes)
    return pick(["Not a fan of {v}, then. Noted.", "Fair enough — no {v} for you."], seed, 27).replaceAll("{v}", value);
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}? I'll remember that.`;
}

/**
 * Acknowledges facts the user just stated about themselves ("My name is
 * Alice" → greets Alice; "I moved to Lima" → remarks on Lima), at most two.
 */
export function acknowledgeFacts(ctx: ReplyContext): string | undefined {
  const facts = extractStatedFacts(ctx.conversation.text);
  if (facts.length === 0) return undefined;
  return facts
    .slice(0, 2)
    .map((fact) => {
      const sentence = acknowledge(fact, ctx.seed);
      return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    })
    .join(" ");
}
