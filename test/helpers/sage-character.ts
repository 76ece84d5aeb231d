import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { type Character, type CharacterInput, characterSchema } from "../../src/character/character.js";
import { type PromptSection, renderPrompt, SECTION } from "../../src/model/index.js";

/** A small test character: a calm herbalist with examples, knowledge and topics. */
export function sage(overrides: Partial<CharacterInput> = {}): Character {
  return characterSchema.parse({
    name: "Sage",
    source: { file: "test.json", dialect: "troupe" },
    bio: ["Sage is a calm herbalist who lives in a cottage by the forest."],
    lore: ["Sage once walked from Lisbon to Rome collecting seeds."],
    topics: ["gardening", "herbal tea"],
    adjectives: ["calm", "wise"],
    greeting: "Welcome, {{user}}. The kettle is on.",
    knowledge: [
      { kind: "text", text: "Chamomile tea helps with sleep and calms the stomach." },
      { kind: "text", text: "Basil needs six hours of sun a day and hates cold nights." },
    ],
    messageExamples: [
      [
        { user: "{{user}}", text: "What's your favourite plant?" },
        { user: "Sage", text: "Lavender, {{user}}. It smells like a quiet evening." },
      ],
    ],
    ...overrides,
  });
}

/** The system prompt as the runtime renders it, with the given sections. */
export function prompt(sections: Partial<Record<keyof typeof SECTION, string[]>> = {}): string {
  const list: PromptSection[] = Object.entries(sections).map(([key, lines]) => ({
    title: SECTION[key as keyof typeof SECTION],
    lines: lines ?? [],
  }));
  return renderPrompt("Sage", undefined, list);
}

/** [system prompt, human message]: what the runtime sends for a first message. */
export function turn(text: string, sections: Partial<Record<keyof typeof SECTION, string[]>> = {}) {
  return [new SystemMessage(prompt(sections)), new HumanMessage(text)];
}
