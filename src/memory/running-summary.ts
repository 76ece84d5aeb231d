import { splitSentences } from "../text/index.js";
import { keywordWords } from "./keyword-query.js";

/** One sentence kept in a room's running summary, with the turn it came from. */
export interface SummarySentence {
  text: string;
  turn: number;
}

/** The running summary of a room: the most informative sentences of turns that left the short-term window. */
export interface RoomSummary {
  sentences: SummarySentence[];
  /** The id of the newest turn folded in; later turns are still to come. */
  through: number;
}

/** A turn to fold into the summary: its id, who said it and what. */
export interface SummaryTurn {
  id: number;
  userName: string;
  role: "user" | "agent";
  text: string;
}

/** Bounds of the running summary. Defaults: 8 sentences, 800 characters. */
export interface SummaryLimits {
  sentences: number;
  chars: number;
}

/** The default bounds of a running summary. */
export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = { sentences: 8, chars: 800 };
const MAX_SENTENCE_CHARS = 200;
/** Words that carry no information about the conversation, on top of keyword stopwords. */
const FILLER = new Set(
  "thanks thank please sure great nice good cool fine well right lol haha hello bye morning evening night today weather much lot like know think".split(
    " ",
  ),
);

/**
 * Folds turns that left the short-term window into a room's running summary,
 * extractively: the sentences of the old summary and of the new turns compete
 * on how much they say (distinct meaningful words, names and numbers), a
 * sentence that repeats what is already chosen counts for less, the agent's
 * own words count half, and small talk never makes it in. The winners are kept
 * in the order they were said, within `limits`, so the summary never grows
 * without bound.
 *
 * @example
 * foldIntoSummary(undefined, [{ id: 7, userName: "Alice", role: "user", text: "I'm training for the Oslo marathon in May." }])
 * // → { sentences: [{ text: "Alice: I'm training for the Oslo marathon in May.", turn: 7 }], through: 7 }
 */
export function foldIntoSummary(
  summary: RoomSummary | undefined,
  turns: SummaryTurn[],
  limits: SummaryLimits = DEFAULT_SUMMARY_LIMITS,
): RoomSummary {
  const through = turns.reduce((newest, turn) => Math.max(newest, turn.id), summary?.through ?? 0);
  const candidates = [
    ...(summary?.sentences ?? []).map((sentence) => candidate(sentence, 1)),
    ...turns.flatMap((turn) =>
      cappedSentences(turn.text).map((text) =>
        candidate({ text: `${turn.userName}: ${text}`, turn: turn.id }, turn.role === "agent" ? 0.5 : 1),
      ),
    ),
  ].filter((each) => each.score > 0);

  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  let chars = 0;
  while (chosen.length < limits.sentences && candidates.length > 0) {
    let best = -1;
    let bestScore = 0;
    candidates.forEach((each, index) => {
      const fresh = each.words.filter((word) => !covered.has(word)).length / each.words.length;
      const score = each.score * fresh;
      if (score > bestScore && chars + each.sentence.text.length <= limits.chars) {
        best = index;
        bestScore = score;
      }
    });
    if (best < 0) break;
    const [picked] = candidates.splice(best, 1) as [Candidate];
    chosen.push(picked);
    chars += picked.sentence.text.length;
    for (const word of picked.words) covered.add(word);
  }
  const sentences = chosen.map((each) => each.sentence).sort((a, b) => a.turn - b.turn);
  return { sentences, through };
}

interface Candidate {
  sentence: SummarySentence;
  words: string[];
  score: number;
}

function candidate(sentence: SummarySentence, weight: number): Candidate {
  // The speaker's name prefix is not what the sentence says.
  const said = sentence.text.slice(sentence.text.indexOf(": ") + 2);
  const words = keywordWords(said).filter((word) => !FILLER.has(word) && word.length > 2);
  if (words.length < 2) return { sentence, words, score: 0 };
  const names = said.slice(1).match(/(?<=\s)\p{Lu}\p{L}+|\p{N}+/gu)?.length ?? 0;
  const question = said.trimEnd().endsWith("?") ? 0.6 : 1;
  return { sentence, words, score: (words.length + names) * weight * question };
}

function cappedSentences(text: string): string[] {
  return splitSentences(text).map((sentence) =>
    sentence.length > MAX_SENTENCE_CHARS ? `${sentence.slice(0, MAX_SENTENCE_CHARS - 1).trimEnd()}…` : sentence,
  );
}
