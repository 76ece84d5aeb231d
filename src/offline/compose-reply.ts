import { answerWithElizaRules } from "./eliza-rules.js";
import { answerFromExamples } from "./example-reply.js";
import { acknowledgeFacts } from "./fact-acknowledgement.js";
import { answerGreeting } from "./greeting-reply.js";
import { answerIdentity } from "./identity-reply.js";
import { answerFromKnowledge } from "./knowledge-reply.js";
import { answerMemoryQuestion } from "./memory-questions.js";
import type { ReplyContext, ReplyRule } from "./reply-context.js";
import { answerWithToolResult } from "./tool-result-reply.js";
import { answerWithTopic } from "./topic-fallback.js";
import { answerUnknownSubject } from "./unknown-subject-reply.js";
import { answerFromUserStatement } from "./user-statement-reply.js";

/** The reply rules, in priority order: the first that answers wins. */
const RULES: ReplyRule[] = [
  answerWithToolResult,
  answerMemoryQuestion,
  answerFromUserStatement,
  acknowledgeFacts,
  answerGreeting,
  // Before the examples: "what's your name?" shares every content word with an example "what's my name?".
  answerIdentity,
  answerFromExamples,
  answerFromKnowledge,
  answerUnknownSubject,
  answerWithElizaRules,
];

/** Runs the rules in order and styles the winner in the character's voice; never returns an empty reply. */
export function composeReply(ctx: ReplyContext): string {
  if (ctx.conversation.text === "" && !ctx.conversation.toolResult) {
    return ctx.voice.finish(
      ctx.name ? `Hello, ${ctx.name}! What's on your mind?` : "Hello! What's on your mind?",
      ctx.seed,
    );
  }
  for (const rule of RULES) {
    const reply = rule(ctx);
    if (reply?.trim()) return ctx.voice.finish(reply, ctx.seed);
  }
  return ctx.voice.finish(answerWithTopic(ctx), ctx.seed);
}
