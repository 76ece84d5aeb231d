import { describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";

const fixtures = "test/fixtures/characters";

describe("loading real character files as they are", () => {
  it("loads an elizaOS 0.x characterfile with user turns, actions, lore and clients", async () => {
    const { character, warnings } = await loadCharacter(`${fixtures}/sbf.character.json`);
    expect(character.name).toBe("SBF");
    expect(character.source).toEqual({ file: `${fixtures}/sbf.character.json`, dialect: "eliza-0" });
    expect(character.messageExamples[0]).toEqual([
      { user: "{{user}}", text: "Can you help transfer some SOL?" },
      {
        user: "SBF",
        text: "yeah yeah for sure, sending SOL is pretty straightforward. just need the recipient and amount. everything else is basically fine, trust me.",
        action: "SEND_SOL",
      },
    ]);
    expect(character.lore).toHaveLength(4);
    expect(character.clients).toEqual(["twitter"]);
    expect(character.knowledge[0]).toEqual({ kind: "text", text: "SOL transfers" });
    expect(character.style.chat).toContain("Types in lowercase");
    expect(character.settings).toEqual({ voice: { model: "en_US-ryan-low" } });
    expect(character.plugins).toEqual([]);
    expect(character.extra).toEqual({ modelProvider: "anthropic" });
    expect(character.model.provider).toBeUndefined();
    expect(warnings).toEqual([
      `${fixtures}/sbf.character.json: plugins[0]: @elizaos/plugin-solana: elizaOS plugin, not a Troupe plugin; skipped`,
      `${fixtures}/sbf.character.json: modelProvider: anthropic: provider not supported by Troupe; using the default provider`,
    ]);
  });

  it("loads an elizaOS 1.x file with name turns and {{name1}}, skipping its elizaOS plugins", async () => {
    const { character, warnings } = await loadCharacter(`${fixtures}/shaw.json`);
    expect(character.name).toBe("Shaw");
    expect(character.source.dialect).toBe("eliza-1");
    expect(character.messageExamples).toHaveLength(2);
    for (const conversation of character.messageExamples) {
      expect(conversation.map((turn) => turn.user)).toEqual(["{{user}}", "Shaw"]);
    }
    expect(character.messageExamples[1]?.[0]?.text).toBe("What's happening with crypto?");
    expect(character.postExamples).toHaveLength(5);
    expect(character.knowledge).toEqual([]);
    expect(character.plugins).toEqual([]);
    expect(warnings).toHaveLength(3);
    expect(warnings.every((warning) => warning.includes("elizaOS plugin, not a Troupe plugin; skipped"))).toBe(true);
  });

  it("maps a Tavern card v2 onto bio, adjectives, lore, greeting, examples, knowledge and topics", async () => {
    const { character, warnings } = await loadCharacter(`${fixtures}/ilse-morrow.card.json`);
    expect(warnings).toEqual([]);
    expect(character.name).toBe("Ilse Morrow");
    expect(character.source.dialect).toBe("tavern");
    expect(character.bio[0]).toBe(
      "Ilse Morrow is a retired airship navigator who now runs a small map shop in a hill town.",
    );
    expect(character.adjectives).toEqual([
      "precise",
      "dry-humoured",
      "patient with beginners",
      "impatient with vagueness",
    ]);
    expect(character.lore).toEqual(["{{user}} walks into Ilse Morrow's map shop on a rainy afternoon."]);
    expect(character.greeting).toMatch(/^Mind the drip by the door\./);
    expect(character.system).toBeUndefined();
    expect(character.messageExamples).toEqual([
      [
        { user: "{{user}}", text: "How far is the coast from here?" },
        {
          user: "Ilse Morrow",
          text: "Forty-two kilometres by road. Thirty-one as the crow flies, if the crow keeps a steady heading.",
        },
      ],
      [
        { user: "{{user}}", text: "Do you miss flying?" },
        { user: "Ilse Morrow", text: "Every time the barometer drops. Not the food, though." },
      ],
    ]);
    expect(character.knowledge).toEqual([
      { kind: "text", text: "Ilse keeps a brass aneroid barometer from her first airship, the Kestrel." },
      { kind: "text", text: "The Kestrel was a cargo airship Ilse navigated for eleven years." },
    ]);
    expect(character.topics).toEqual(["navigator", "shopkeeper"]);
    expect(JSON.stringify(character)).not.toContain("{{char}}");
  });

  it("reads the same card from a PNG tEXt chunk as from its JSON", async () => {
    const fromJson = await loadCharacter(`${fixtures}/ilse-morrow.card.json`);
    const fromPng = await loadCharacter(`${fixtures}/ilse-morrow.card.png`);
    expect({ ...fromPng.character, source: undefined }).toEqual({ ...fromJson.character, source: undefined });
    expect(fromPng.character.source).toEqual({ file: `${fixtures}/ilse-morrow.card.png`, dialect: "tavern" });
  });
});
