import { fillNames, splitSentences } from "../text/index.js";
import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";

const IDENTITY_QUESTION =
  /\b(?:who are you|what are you|what(?:'s| is) your name|tell me about yourself|introduce yourself)\W*$/i;

/** The first sentence of the first bio line that says who the character is ("Juno is the host…"), in the first person. */
function introduction(ctx: ReplyContext): string | undefined {
  const { name } = ctx.character;
  const subject = `${name.toLowerCase()} is `;
  for (const line of ctx.character.bio) {
    const filled = fillNames(line, ctx.name, name).trim();
    if (!filled.toLowerCase().startsWith(subject)) continue;
    const rest = (splitSentences(filled.slice(subject.length))[0] ?? "").replace(/[.!?]*$/, "");
    return `I'm ${name}, ${rest}.`;
  }
  return undefined;
}

/**
 * Answers "who are you?" and "what's your name?" in the first person from the character file: a bio
 * line that names the character ("Juno is the host…" → "I'm Juno, the
 * host…"), else the name and one of its topics.
 */
export function answerIdentity(ctx: ReplyContext): string | undefined {
  if (!IDENTITY_QUESTION.test(ctx.conversation.text.replace(/’/g, "'"))) return undefined;
  const intro = introduction(ctx);
  if (intro) return intro;
  const { name, topics } = ctx.character;
  return topics.length > 0 ? `I'm ${name}. Ask me about ${pick(topics, ctx.seed, 70)} any time.` : `I'm ${name}.`;
}
