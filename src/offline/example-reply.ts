import { cosineSimilarity, fillNames } from "../text/index.js";
import type { AnalysedText } from "./analysed-text.js";
import type { ReplyContext } from "./reply-context.js";

/** How close the user's message must be to an example's human turn for its reply to fit. */
const EXAMPLE_THRESHOLD = 0.5;
const QUESTION_WORD = /\b(?:who|what|where|when|why|how|which)\b/i;

function questionWord(text: string): string | undefined {
  return QUESTION_WORD.exec(text)?.[0].toLowerCase();
}

/** True when the message may be compared with an example's human turn at all. */
function isComparable(prompt: AnalysedText, message: AnalysedText, weight: (stem: string) => number): boolean {
  // Short turns sharing no content word ("ok" vs "no") can look alike by characters alone; and the words shared
  // must carry more than half the example's weight: "what are you working on?" is not "how do vaccines work?",
  // nor "who invented the computer?" "who invented the telephone?".
  if (prompt.stems.size > 0) return sharedWeight(prompt, message, weight) > 0.5;
  // A turn of function words means what its question word asks: "who are you?" is not "how are you doing?".
  return questionWord(prompt.text) === questionWord(message.text);
}

/** The share of the prompt's stem weight that the message holds too. */
function sharedWeight(prompt: AnalysedText, message: AnalysedText, weight: (stem: string) => number): number {
  let shared = 0;
  let total = 0;
  for (const stem of prompt.stems) {
    total += weight(stem);
    if (message.stems.has(stem)) shared += weight(stem);
  }
  return total > 0 ? shared / total : 0;
}

/**
 * Answers with the character's own reply from its message examples when the
 * user's message closely resembles the human turn it followed.
 */
export function answerFromExamples(ctx: ReplyContext): string | undefined {
  let best: { score: number; reply: string } | undefined;
  for (const example of ctx.index.examples) {
    if (!isComparable(example.prompt, ctx.message, ctx.index.exampleStemWeight)) continue;
    const score = cosineSimilarity(example.prompt.vector, ctx.message.vector);
    if (score >= EXAMPLE_THRESHOLD && (!best || score > best.score)) best = { score, reply: example.reply };
  }
  return best && fillNames(best.reply, ctx.name, ctx.character.name);
}
