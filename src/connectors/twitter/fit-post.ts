import { MAX_POST_WEIGHT, weightedLength } from "./weighted-length.js";

/**
 * A post that fits X's limit: the text as it is when it does, else its
 * leading whole sentences, else its leading words with an ellipsis. For a
 * post the agent writes on its own, where a thread would cost more posts.
 */
export function fitPost(text: string, limit = MAX_POST_WEIGHT): string {
  const trimmed = text.trim();
  if (weightedLength(trimmed) <= limit) return trimmed;
  const sentences = trimmed.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g) ?? [trimmed];
  let kept = "";
  for (const sentence of sentences) {
    if (weightedLength(kept + sentence) > limit) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  let words = "";
  for (const word of trimmed.split(/\s+/)) {
    if (weightedLength(`${words} ${word}…`) > limit) break;
    words = words ? `${words} ${word}` : word;
  }
  return `${words}…`;
}
