import { SECTION } from "../model/index.js";
import { cosineSimilarity, tokenize } from "../text/index.js";
import { sharedStems } from "./analysed-text.js";
import { pick } from "./deterministic-choice.js";
import { isQuestion } from "./is-question.js";
import { reflectPronouns } from "./pronoun-reflection.js";
import { readSpeakerLine } from "./read-speaker-line.js";
import type { ReplyContext } from "./reply-context.js";

/** Share of the question's content words a statement must hold to answer it. */
const MIN_COVERAGE = 0.5;

/**
 * Answers a question about the user with the user's own earlier statement
 * that best answers it, from the recalled memories in the prompt ("Things
 * you remember") and what they said earlier in the visible history:
 * whatever kind of fact it is, "What colour is my car?" is
 * answered by "my car is dark green" when that is what was recalled. Only
 * the user's own lines count, never their questions; undefined when none
 * shares enough of the question's words.
 */
export function answerFromUserStatement(ctx: ReplyContext): string | undefined {
  const { text, sections } = ctx.conversation;
  if (!isQuestion(text) || !isAboutTheUser(text) || ctx.message.stems.size === 0) return undefined;
  const recalled = (sections.get(SECTION.memories) ?? []).flatMap((line) => {
    const read = readSpeakerLine(ctx, line);
    return read?.byUser ? [read.said] : [];
  });
  let best: { said: string; score: number } | undefined;
  for (const said of [...recalled, ...ctx.conversation.ownEarlier]) {
    if (isQuestion(said)) continue;
    const analysed = ctx.analyse(said);
    const shared = sharedStems(analysed, ctx.message);
    if (shared / ctx.message.stems.size < MIN_COVERAGE) continue;
    const score = shared + cosineSimilarity(analysed.vector, ctx.message.vector);
    if (!best || score > best.score) best = { said, score };
  }
  if (!best) return undefined;
  return pick(["You told me {s}.", "You mentioned {s}.", "As you told me: {s}."], ctx.seed, 62).replace(
    "{s}",
    reflectPronouns(best.said.replace(/[.!?]+$/, "")),
  );
}

/** A question about the user's own things ("What is my cousin's tortoise called?"): it says "my" or "mine". */
function isAboutTheUser(text: string): boolean {
  return tokenize(text).some((word) => word === "my" || word === "mine");
}
