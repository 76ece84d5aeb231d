import type { Character } from "../character/character.js";
import { splitSentences } from "../text/index.js";
import { type AnalysedText, analyseText } from "./analysed-text.js";
import type { OfflineEmbeddings } from "./offline-embeddings.js";

/** A human turn of the character's message examples and the character's reply to it. */
export interface ExamplePair {
  prompt: AnalysedText;
  reply: string;
}

/** What the offline model precomputes once per character: example pairs and knowledge lines. */
export interface CharacterIndex {
  examples: ExamplePair[];
  /** How telling each content stem of the examples' human turns is: the rarer among them, the higher (idf). */
  exampleStemWeight: (stem: string) => number;
  /** Inline knowledge, one line or sentence each. */
  lines: AnalysedText[];
  /** Lore and bio, the same way: what the character is and has done, for questions about the character. */
  selfLines: AnalysedText[];
}

const CHARACTER_LABELS = /^\{\{\s*(?:char|agentName|character)\s*\}\}$/i;

function isCharacterTurn(user: string, character: Character): boolean {
  const label = user.trim().toLowerCase();
  return (
    label === character.name.toLowerCase() ||
    label === character.username?.toLowerCase() ||
    CHARACTER_LABELS.test(user.trim())
  );
}

/** Long knowledge texts are split into sentences so the best one can be quoted. */
function splitLong(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= 300) return trimmed ? [trimmed] : [];
  return splitSentences(trimmed);
}

/** Builds the example and knowledge index of `character` (done once per model instance). */
export function buildCharacterIndex(character: Character, embeddings: OfflineEmbeddings): CharacterIndex {
  const examples: ExamplePair[] = [];
  for (const conversation of character.messageExamples) {
    conversation.forEach((turn, index) => {
      if (isCharacterTurn(turn.user, character) || turn.text.trim() === "") return;
      const reply = conversation.slice(index + 1).find((next) => next.text.trim() !== "");
      if (!reply || !isCharacterTurn(reply.user, character)) return;
      examples.push({ prompt: analyseText(turn.text, embeddings), reply: reply.text.trim() });
    });
  }
  const analyse = (texts: string[]) => [...new Set(texts)].map((text) => analyseText(text, embeddings));
  return {
    examples,
    exampleStemWeight: inverseFrequency(examples.map((example) => example.prompt.stems)),
    lines: analyse(character.knowledge.flatMap((item) => (item.kind === "text" ? splitLong(item.text) : []))),
    selfLines: analyse([...character.lore, ...character.bio].flatMap(splitLong)),
  };
}

/** log(1 + N / df): a stem found in every text weighs little, one found once weighs most. */
function inverseFrequency(texts: Set<string>[]): (stem: string) => number {
  const frequency = new Map<string, number>();
  for (const stems of texts) for (const stem of stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  return (stem) => Math.log(1 + texts.length / (frequency.get(stem) ?? 1));
}
