import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Character } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import type { RecalledMemory, RoomSummary, StoredMessage } from "../memory/index.js";
import { type PromptSection, renderPrompt, renderSections, SECTION } from "../model/index.js";
import { estimateTokens } from "../text/index.js";

export interface PromptInputs {
  character: Character;
  message: InboundMessage;
  /** The message text after cleaning. */
  text: string;
  /** What the prompt may say about the speaker (`WorkingMemory.visibleFacts`). */
  facts: Record<string, string>;
  /** The room's running summary of turns older than the short-term window. */
  summary?: RoomSummary;
  /** Open goals and tasks of the room. */
  goals?: string[];
  memories: RecalledMemory[];
  knowledge: RecalledMemory[];
  /** Recent turns of the room before this message, oldest first. */
  history: StoredMessage[];
  /** Lines added by context providers. */
  context?: string[];
}

/**
 * Step 4 of the pipeline: the system prompt (character, facts about the user,
 * the room's running summary and open goals, recalled memories and knowledge)
 * and the conversation, within the
 * character's token budget. When over budget it drops the oldest history
 * first, then the least relevant memories and knowledge; the system prompt's
 * character part and the newest message always stay.
 */
export function composePrompt(inputs: PromptInputs): BaseMessage[] {
  const { character } = inputs;
  const memories = inputs.memories.map((memory) => memory.text);
  const knowledge = inputs.knowledge.map((memory) => memory.text);
  const history = inputs.history.slice();
  const budget = character.memory.tokenBudget;
  const current = new HumanMessage({ content: inputs.text, name: safeName(inputs.message.user.name) });

  let system = renderSystem(inputs, memories, knowledge);
  let used =
    estimateTokens(system) +
    estimateTokens(inputs.text) +
    history.reduce((sum, turn) => sum + estimateTokens(turn.text), 0);
  while (used > budget && history.length > 0) used -= estimateTokens(history.shift()?.text ?? "");
  while (used > budget && (memories.length > 0 || knowledge.length > 0)) {
    // Both lists are ranked best first: drop from the end of the longer one.
    (memories.length >= knowledge.length ? memories : knowledge).pop();
    const next = renderSystem(inputs, memories, knowledge);
    used -= estimateTokens(system) - estimateTokens(next);
    system = next;
  }

  return [
    new SystemMessage(system),
    ...history.map((turn) =>
      turn.role === "agent"
        ? new AIMessage(turn.text)
        : new HumanMessage({ content: turn.text, name: safeName(turn.userName) }),
    ),
    current,
  ];
}

function renderSystem(inputs: PromptInputs, memories: string[], knowledge: string[]): string {
  const { message } = inputs;
  const sections: PromptSection[] = [
    {
      title: SECTION.speaker,
      lines: [`display name: ${message.user.name}`, `platform: ${message.platform}`, `room: ${message.room.kind}`],
    },
    { title: SECTION.userFacts, lines: Object.entries(inputs.facts).map(([key, value]) => `${key}: ${value}`) },
    {
      title: SECTION.summary,
      lines: [
        ...(inputs.summary?.sentences.map((sentence) => sentence.text) ?? []),
        ...(inputs.goals ?? []).map((goal) => `open goal: ${goal}`),
      ],
    },
    { title: SECTION.memories, lines: memories },
    { title: SECTION.knowledge, lines: knowledge },
    { title: SECTION.context, lines: inputs.context ?? [] },
  ];
  // The speaker section always has lines, so the rest is never empty.
  return `${characterPart(inputs.character)}\n\n${renderSections(sections)}`;
}

/** Each character's opening and its "who you are" and "how you write" sections, which no message changes. */
const characterParts = new WeakMap<Character, string>();

/** The start of a character's system prompt, written on its first message and kept rather than written again for each one. */
function characterPart(character: Character): string {
  let part = characterParts.get(character);
  if (part === undefined) {
    part = renderPrompt(character.name, character.system, [
      { title: SECTION.character, lines: [...character.bio, ...character.lore.slice(0, 5)] },
      { title: SECTION.style, lines: [...character.style.all, ...character.style.chat] },
    ]);
    characterParts.set(character, part);
  }
  return part;
}

/** The last name `safeName` cleaned and what it gave: a room's history names the same few people turn after turn. */
let lastName: { name: string; safe: string | undefined } | undefined;

/** OpenAI accepts only `[A-Za-z0-9_-]{1,64}` as a message author name. */
function safeName(name: string): string | undefined {
  if (lastName?.name === name) return lastName.safe;
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 64);
  const safe = cleaned.replace(/_/g, "") ? cleaned : undefined;
  lastName = { name, safe };
  return safe;
}
