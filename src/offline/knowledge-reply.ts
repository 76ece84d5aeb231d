import { SECTION } from "../model/index.js";
import { contentStems, cosineSimilarity, splitSentences } from "../text/index.js";
import { type AnalysedText, sharedStems } from "./analysed-text.js";
import { pick } from "./deterministic-choice.js";
import { isQuestion } from "./is-question.js";
import { plainProse } from "./plain-prose.js";
import { reflectPronouns } from "./pronoun-reflection.js";
import { readSpeakerLine } from "./read-speaker-line.js";
import type { ReplyContext } from "./reply-context.js";

/** Relevance a line needs to be offered in reply to a question, and to a statement (which needs more). */
const QUESTION_THRESHOLD = 0.3;
const STATEMENT_THRESHOLD = 0.4;
/** What a line earns for holding all of the message's content words (a share of it for some). */
const COVERAGE_WEIGHT = 0.15;
/** A line holding less than this share of the message's content words must be this close to be quoted. */
const MIN_COVERAGE = 0.5;
const CLOSE_LINE = 0.45;
const TO_YOU = /\b(?:you|your|yours|yourself)\b/i;
const POLITE_YOU = /\b(?:can|could|would|will) you\b/gi;

interface Candidate {
  line: AnalysedText;
  memory: boolean;
}

/** The candidates relevant enough to quote, best first. */
function rankedCandidates(ctx: ReplyContext): Candidate[] {
  const { sections } = ctx.conversation;
  const candidates: Candidate[] = [
    ...(sections.get(SECTION.knowledge) ?? []).map((text) => ({ line: ctx.analyse(text), memory: false })),
    ...(sections.get(SECTION.memories) ?? []).map((text) => ({ line: ctx.analyse(text), memory: true })),
    ...ctx.index.lines.map((line) => ({ line, memory: false })),
    // "Wren is the Troupe's writer" answers "what do you do?", not "how do I write a good opening line?".
    ...(isAboutCharacter(ctx) ? ctx.index.selfLines : []).map((line) => ({ line, memory: false })),
  ];
  const threshold = isQuestion(ctx.conversation.text) ? QUESTION_THRESHOLD : STATEMENT_THRESHOLD;
  const ranked: { score: number; candidate: Candidate }[] = [];
  for (const candidate of candidates) {
    const shared = sharedStems(candidate.line, ctx.message);
    if (shared === 0) continue;
    // A line that holds every content word of the question is about it, however long it is ("what is a villanelle?");
    // one that holds only one of several is about something else ("opening line" is not a sonnet's "eight-line octave").
    const coverage = shared / ctx.message.stems.size;
    const similarity = cosineSimilarity(candidate.line.vector, ctx.message.vector);
    if (coverage < MIN_COVERAGE && similarity < CLOSE_LINE) continue;
    const score = similarity + 0.05 * Math.min(shared, 3) + COVERAGE_WEIGHT * coverage;
    if (score >= threshold) ranked.push({ score, candidate });
  }
  return ranked.sort((a, b) => b.score - a.score).map((entry) => entry.candidate);
}

/** Whether the message asks about the character: it names it, or says "you" other than to ask politely ("can you …"). */
function isAboutCharacter(ctx: ReplyContext): boolean {
  const { text } = ctx.conversation;
  return TO_YOU.test(text.replace(POLITE_YOU, "")) || text.toLowerCase().includes(ctx.character.name.toLowerCase());
}

/**
 * The sentence of a long line that shares the most words with the question,
 * or the whole line when that "sentence" starts in lower case: the line was
 * cut after a quoted question ("'Habari?' literally asks …").
 */
function bestSentence(line: string, message: AnalysedText): string {
  const sentences = splitSentences(line);
  if (sentences.length === 1) return line;
  let best = sentences[0] as string;
  let bestShared = -1;
  for (const sentence of sentences) {
    const shared = contentStems(sentence).filter((stem) => message.stems.has(stem)).length;
    if (shared > bestShared) {
      best = sentence;
      bestShared = shared;
    }
  }
  return /^\p{Ll}/u.test(best) ? line : best;
}

/** Ends a quoted sentence with a full stop, also one that led into a code block or list now left out ("…troupe:"). */
function endSentence(text: string): string {
  const trimmed = text.replace(/\s*[:;,]$/, "");
  return /[.!?…"”)][)"'”’]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "Alice: I adopted a cat" → "You told me you adopted a cat." when Alice is the user. */
function recallMemory(ctx: ReplyContext, line: string): string {
  const read = readSpeakerLine(ctx, line);
  if (!read) return `I remember this: ${line}`;
  const { speaker } = read;
  const said = read.said.replace(/[.!?]+$/, "");
  if (read.byUser) {
    return pick(["You told me {s}.", "I remember you saying {s}.", "You mentioned {s}."], ctx.seed, 60).replace(
      "{s}",
      reflectPronouns(said),
    );
  }
  if (speaker.toLowerCase() === ctx.character.name.toLowerCase()) return `I remember saying: "${said}".`;
  return `${speaker} said: "${said}".`;
}

/**
 * Answers from what the character knows: the prompt's "Knowledge" and
 * "Things you remember" lines and the character's inline knowledge (and its
 * lore and bio when asked about the character), quoting the most relevant
 * line in the character's voice.
 */
export function answerFromKnowledge(ctx: ReplyContext): string | undefined {
  // Knowledge is often Markdown: quote the best line that still has two words once tables and code are gone.
  for (const candidate of rankedCandidates(ctx)) {
    const prose = plainProse(candidate.line.text);
    if (/\p{L}{2,}.*\s.*\p{L}{2,}/u.test(prose)) return quote(ctx, candidate, prose);
  }
  return undefined;
}

/** One sentence of `prose`, in the character's voice: a memory as what was said, knowledge as what it knows. */
function quote(ctx: ReplyContext, candidate: Candidate, prose: string): string {
  const sentence = endSentence(bestSentence(prose, ctx.message));
  const reply = candidate.memory
    ? recallMemory(ctx, sentence)
    : pick(
        ["From what I know: {s}", "Here's what I know. {s}", "{s} At least, that's what I know."],
        ctx.seed,
        61,
      ).replace("{s}", sentence);
  const opener = ctx.voice.opener(ctx.seed, ctx.conversation.text);
  return opener ? `${opener} ${reply}` : reply;
}
