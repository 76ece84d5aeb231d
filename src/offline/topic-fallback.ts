import { pick } from "./deterministic-choice.js";
import type { ReplyContext } from "./reply-context.js";

const WITH_TOPIC = [
  "Tell me more. Though I have to ask — what do you think about {t}?",
  "I see. That reminds me of {t}, funnily enough — do you ever think about it?",
  "Interesting. Shall we talk about {t} for a bit?",
  "Go on. And if you ever want to talk about {t}, I'm all ears.",
];
const WITHOUT_TOPIC = [
  "Tell me more.",
  "I see. Go on.",
  "Interesting. What else is on your mind?",
  "How does that make you feel?",
];

/** The last resort: invites the user to go on, steering towards one of the character's topics. */
export function answerWithTopic(ctx: ReplyContext): string {
  const { topics } = ctx.voice;
  const reply =
    topics.length > 0
      ? pick(WITH_TOPIC, ctx.seed, 50).replace("{t}", pick(topics, ctx.seed, 51))
      : pick(WITHOUT_TOPIC, ctx.seed, 50);
  const opener = ctx.voice.opener(ctx.seed, ctx.conversation.text);
  return opener ? `${opener} ${reply}` : reply;
}
