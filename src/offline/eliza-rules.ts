import { pick } from "./deterministic-choice.js";
import { reflectPronouns } from "./pronoun-reflection.js";
import type { ReplyContext } from "./reply-context.js";

/** One keyword rule: a pattern and replies where `{0}` is the reflected capture. */
type Rule = [RegExp, string[]];

/** In the spirit of Weizenbaum's DOCTOR script, most specific first. */
const RULES: Rule[] = [
  [
    /\bhow are you\b|\bhow(?:'s| is) it going\b|\bhow are things\b/i,
    [
      "I'm well, thank you. And how are you?",
      "Quite well, thanks for asking. How about you?",
      "Good, thank you! What about you?",
    ],
  ],
  [/\b(?:thanks|thank you|thx|cheers)\b/i, ["You're welcome.", "Any time.", "Glad to help."]],
  [
    /\bwhat do you think (?:about|of) (.+)/i,
    [
      "I have my thoughts on {0}, but I'd rather hear yours first.",
      "What do you think about {0}?",
      "Why do you ask about {0}?",
    ],
  ],
  [
    /\b(?:can|could|would|will) you (.+)/i,
    [
      "You'd like me to {0}? Tell me a little more.",
      "What makes you think I can't {0}?",
      "I might. Why do you want me to {0}?",
    ],
  ],
  [/\bi need (.+)/i, ["Why do you need {0}?", "Would it really help you to get {0}?", "Are you sure you need {0}?"]],
  [
    /\b(?:i feel|i(?: am|'m|m) feeling) (.+)/i,
    ["Why do you feel {0}?", "Do you often feel {0}?", "When did you start feeling {0}?"],
  ],
  [
    /\bi want (.+)/i,
    ["What would it mean to you if you got {0}?", "Why do you want {0}?", "What would change if you had {0}?"],
  ],
  [/\bwhy don'?t you (.+)/i, ["Do you really think I don't {0}?", "Perhaps one day I will {0}.", "Should I {0}?"]],
  [
    /\bwhy can'?t i (.+)/i,
    ["Do you think you should be able to {0}?", "If you could {0}, what would you do?", "What is stopping you?"],
  ],
  [
    /\bi can'?t (.+)/i,
    ["How do you know you can't {0}?", "Perhaps you could {0} if you tried.", "What would it take for you to {0}?"],
  ],
  [/\bi think (.+)/i, ["Do you doubt that {0}?", "Do you really think so?", "What makes you think {0}?"]],
  [
    /\b(?:i am|i'm|im) (.+)/i,
    ["How long have you been {0}?", "How do you feel about being {0}?", "Why do you say you are {0}?"],
  ],
  [
    /\bwhat (?:are you|have you been) (?:working on|doing|up to|reading|writing|researching|studying|thinking about)\b/i,
    [
      "Right now? Talking with you, and I'm enjoying it. What are you working on?",
      "This conversation, mostly. What about you?",
      "A little of everything. What's keeping you busy?",
    ],
  ],
  [
    // A yes-or-no question; "what are you …?" and "where are you …?" ask for something else.
    /(?:^|[.!?,]\s*)(?:so |and |but |then )?are you (.+)/i,
    ["Why does it matter whether I am {0}?", "Would you prefer it if I were not {0}?", "What if I were {0}?"],
  ],
  [
    /\bbecause\b/i,
    ["Is that the real reason?", "What other reasons come to mind?", "Does that reason explain anything else?"],
  ],
  [/\b(?:sorry|apologi[sz]e)\b/i, ["There's no need to apologise.", "Apologies aren't necessary.", "No harm done."]],
  [
    /\b(?:mother|father|mom|mum|dad|parents?|brother|sister|family)\b/i,
    [
      "Tell me more about your family.",
      "How do you get on with your family?",
      "Family matters a great deal, doesn't it?",
    ],
  ],
  [
    /\b(?:dream|dreamt|dreamed)\b/i,
    ["What does that dream suggest to you?", "Do you dream often?", "Dreams can say a lot. What stood out?"],
  ],
  [/\balways\b/i, ["Can you think of a specific example?", "Really, always?", "When did you first notice that?"]],
  [/\bnever\b/i, ["Never? Not even once?", "What would it take for that to change?"]],
  [
    /\b(?:maybe|perhaps|might)\b/i,
    ["You don't seem very certain.", "Why the uncertainty?", "What would make you sure?"],
  ],
  [/\bmy (.+)/i, ["Tell me more about your {0}.", "Why do you mention your {0}?", "How do you feel about your {0}?"]],
  [/^(?:yes|yeah|yep|sure)\b/i, ["You seem quite sure.", "OK, tell me more.", "I see. And then?"]],
  [/^(?:no|nope|nah)\b/i, ["Why not?", "OK. What would you rather talk about?", "Fair enough. Why not, though?"]],
  [
    /\byou(?:'re| are) (.+)/i,
    ["What makes you think I am {0}?", "Does it please you to believe I am {0}?", "Why do you say I'm {0}?"],
  ],
  [/\byou (.+)/i, ["We were talking about you, not me.", "Why do you say I {0}?", "What makes you think I {0}?"]],
  [/\?$/, ["Why do you ask?", "What do you think?", "That's a good question. What's your own take?"]],
];

/** Cuts a captured fragment at the first clause break and keeps it short. */
function fragment(text: string): string {
  const clause = (text.split(/[.,;:!?]|\s(?:but|and so|because)\s/)[0] ?? "").replace(/\s+please$/i, "").trim();
  return clause.split(/\s+/).slice(0, 12).join(" ");
}

/**
 * ELIZA-style keyword rules with pronoun reflection ("I feel lost" → "Why do
 * you feel lost?"), prefixed now and then by an opener in the character's manner.
 */
export function answerWithElizaRules(ctx: ReplyContext): string | undefined {
  const text = ctx.conversation.text.replace(/’/g, "'");
  for (const [pattern, replies] of RULES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const capture = match[1] === undefined ? "" : reflectPronouns(fragment(match[1]));
    // A rule whose capture came out empty ("I feel.") would echo a hole; let a later rule answer.
    const usable = replies.filter((reply) => !reply.includes("{0}") || capture !== "");
    if (usable.length === 0) continue;
    const reply = pick(usable, ctx.seed, 40).replace("{0}", capture);
    const opener = ctx.voice.opener(ctx.seed, ctx.conversation.text);
    return opener ? `${opener} ${reply}` : reply;
  }
  return undefined;
}
