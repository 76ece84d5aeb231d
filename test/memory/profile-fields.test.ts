import { describe, expect, it } from "vitest";
import { characterSchema } from "../../src/character/index.js";
import { createProfileExtractor } from "../../src/memory/index.js";

const fields = characterSchema.shape.memory.parse({
  profile: {
    "favourite team": { type: "string", pattern: "^\\p{Lu}", phrases: ["I support", "I cheer for"] },
    "shoe size": { type: "integer" },
    diet: { enum: ["vegan", "vegetarian", "omnivore"], phrases: ["I eat", "I'm"] },
  },
}).profile;

describe("character profile fields", () => {
  const extract = createProfileExtractor(fields ?? {});

  it("fills declared fields from 'my <field> is' and from the character's phrases", () => {
    expect(extract("I support Arsenal, obviously. My shoe size is 43 and I'm vegan.")).toEqual([
      { key: "favourite team", value: "Arsenal" },
      { key: "shoe size", value: "43" },
      { key: "diet", value: "vegan" },
    ]);
  });

  it("ignores values that do not match the field's schema, and questions", () => {
    expect(extract("I support lowercase fc. My shoe size is big. I'm tired.")).toEqual([]);
    expect(extract("Is my shoe size 43?")).toEqual([]);
  });

  it("refuses a character whose pattern is not a regular expression", () => {
    const parsed = characterSchema.shape.memory.safeParse({ profile: { team: { pattern: "([" } } });
    expect(parsed.success).toBe(false);
  });
});
