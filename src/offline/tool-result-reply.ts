import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";

const RESULT_FIELDS = ["text", "message", "result", "answer", "output", "content", "summary"];

/** A tool's result as a sentence: the text itself, a known text field of a JSON result, or its `key: value` pairs. */
function describeResult(content: string): string {
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed === "string" || typeof parsed === "number" || typeof parsed === "boolean") return String(parsed);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      const field = RESULT_FIELDS.find((key) => typeof record[key] === "string");
      if (field) return record[field] as string;
      return Object.entries(record)
        .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
        .join(", ");
    }
  } catch {
    // Not JSON: the plain text is the result.
  }
  return content;
}

/** Answers after a tool ran, in character, using the tool's result text. */
export function answerWithToolResult(ctx: ReplyContext): string | undefined {
  const result = ctx.conversation.toolResult;
  if (!result) return undefined;
  const text = describeResult(result.content).trim();
  if (result.failed) {
    return pick(["I tried, but it didn't work: {r}", "Hmm, that didn't go through: {r}"], ctx.seed, 70).replace(
      "{r}",
      text || "no details",
    );
  }
  if (!text) return pick(["Done!", "All done."], ctx.seed, 71);
  // Troupe's own `delegate` action returns another agent's answer, already saying who helped, and a result in the
  // first person ("I'm not allowed to read pages on …") speaks for the character: either is the reply as it is.
  if (result.name === "delegate" || /^(?:I|I'm|I’m|I've|Sorry)\b/.test(text)) return text;
  const sentence = /[.!?…]$/.test(text) ? text : `${text}.`;
  return pick(["Here you go: {r}", "Done — {r}", "I checked for you: {r}"], ctx.seed, 72).replace("{r}", sentence);
}
