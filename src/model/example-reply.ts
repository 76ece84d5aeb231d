import { sharedStems } from "./analysed-text.js";
import { cosineSimilarity } from "./cosine-similarity.js";
import type { ReplyContext } from "./reply-context.js";
import { fillNames } from "./template-names.js";

/** How close the user's message must be to an example's human turn for its reply to fit. */
const EXAMPLE_THRESHOLD = 0.5;

/**
 * Answers with the character's own reply from its message examples when the
 * user's message closely resembles the human turn it followed.
 */
export function answerFromExamples(ctx: ReplyContext): string | undefined {
  let best: { score: number; reply: string } | undefined;
  for (const example of ctx.index.examples) {
    // Short turns sharing no content word ("ok" vs "no") can look alike by characters alone.
    if (example.prompt.stems.size > 0 && sharedStems(example.prompt, ctx.message) === 0) continue;
    const score = cosineSimilarity(example.prompt.vector, ctx.message.vector);
    if (score >= EXAMPLE_THRESHOLD && (!best || score > best.score)) best = { score, reply: example.reply };
  }
  return best && fillNames(best.reply, ctx.name, ctx.character.name);
}
