import type { ProfileField } from "../character/index.js";
import { escapeRegExp, splitSentences } from "../text/index.js";
import type { StatedFact } from "./stated-facts.js";

const END = String.raw`(?=[.,!?;:]|\s+(?:and|but|because|so|since|though)\b|$)`;

/** The phrases that introduce a field: "my <field> is", "my <field>'s" and the character's own. */
function fieldPattern(name: string, field: ProfileField): RegExp {
  const triggers = [`my ${name} is`, `my ${name}'s`, `my ${name}’s`, ...field.phrases].map((phrase) =>
    escapeRegExp(phrase.trim()).replace(/\s+/g, "\\s+"),
  );
  return new RegExp(String.raw`(?:^|[^\p{L}])(?:${triggers.join("|")})\s+([^.,!?;:]{1,60}?)${END}`, "iu");
}

/** The value as the field's schema allows it, or undefined when it does not match. */
function conform(raw: string, field: ProfileField): string | undefined {
  let value = raw.replace(/\s+/g, " ").trim();
  if (field.type !== "string") {
    const number = /-?\d+(?:\.\d+)?/.exec(value)?.[0];
    if (number === undefined || (field.type === "integer" && number.includes("."))) return undefined;
    value = number;
  }
  if (field.enum) {
    const member = field.enum.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
    if (!member) return undefined;
    value = member;
  }
  if (field.pattern && !new RegExp(field.pattern, "u").test(value)) return undefined;
  return value || undefined;
}

/**
 * Compiles a character's extra profile fields (`memory.profile`) into an
 * extractor: for each field, the value after "my <field> is", "my <field>'s"
 * or one of its `phrases`, if it matches the field's `type`, `enum` and
 * `pattern`. Questions state nothing.
 *
 * @example
 * const extract = createProfileExtractor({ "favourite team": { type: "string", phrases: ["I support"] } });
 * extract("I support Arsenal, obviously.") // → [{ key: "favourite team", value: "Arsenal" }]
 */
export function createProfileExtractor(fields: Record<string, ProfileField>): (text: string) => StatedFact[] {
  const compiled = Object.entries(fields).map(([name, field]) => ({
    key: name.trim().toLowerCase(),
    field,
    pattern: fieldPattern(name.trim(), field),
  }));
  return (text) => {
    if (compiled.length === 0) return [];
    const facts = new Map<string, string>();
    for (const sentence of splitSentences(text.slice(0, 2000))) {
      if (sentence.trim().endsWith("?")) continue;
      for (const { key, field, pattern } of compiled) {
        const raw = pattern.exec(sentence)?.[1];
        const value = raw === undefined ? undefined : conform(raw, field);
        if (value !== undefined) facts.set(key, value);
      }
    }
    return [...facts].map(([key, value]) => ({ key, value }));
  };
}
