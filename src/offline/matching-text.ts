/**
 * "do you know any jokes?" and "what do you know about aloha?" ask to be told
 * something: the knowing is how the question is put, not what it is about.
 * "How do you know that?" does ask about knowing, so a question word before it keeps it.
 */
const KNOW_FRAME =
  /(?<!\b(?:how|why|when|where|who|which)\s+)\b(?:what\s+)?(?:do|did)\s+you\s+(?:happen\s+to\s+)?know\b/gi;
/** "12 times 7" is a multiplication, not the plural of "time" (which stems the same). */
const MULTIPLICATION = /(\d)\s+times\s+(?=\d)/gi;

/**
 * The user's message as the matchers compare it with examples, knowledge and
 * tools, after substitutions in the spirit of ELIZA's "pre" list: a "do you
 * know …" frame reads as "tell me …", and "times" between numbers as "×".
 * Replies still quote and reflect the message as written.
 *
 * @example toMatchingText("Do you know any good jokes?") // "tell me any good jokes?"
 */
export function toMatchingText(text: string): string {
  return text.replace(KNOW_FRAME, "tell me").replace(MULTIPLICATION, "$1 × ");
}
