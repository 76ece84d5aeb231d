import { FACT_KEY } from "../model/prompt-sections.js";

/** A fact a user stated about themselves. `set` replaces the key's value; `add` appends to a list (likes, dislikes). */
export interface StatedFact {
  key: string;
  value: string;
  mode: "set" | "add";
}

const END = String.raw`(?=[.,!?;]|\s+(?:and|but|so|because|now)\b|$)`;
const PHRASE = String.raw`([^.,!?;\n]{1,60}?)`;
const NAME = String.raw`([\p{Lu}][\p{L}'-]{0,30}(?:\s[\p{Lu}][\p{L}'-]{0,30})?)`;
/** Words that follow "I'm" but are not names ("I'm Tired" at a sentence start still is not a name). */
const NOT_NAMES = new Set(
  "a an the not so very really just fine good great ok okay sorry happy sad tired here back home going from feeling doing looking trying sure glad new still also".split(
    " ",
  ),
);
const PETS =
  "dog|cat|puppy|kitten|parrot|bird|rabbit|bunny|hamster|fish|goldfish|turtle|tortoise|snake|lizard|horse|pony|ferret|guinea pig";

interface Rule {
  pattern: RegExp;
  fact: (match: RegExpMatchArray) => StatedFact | undefined;
}

const RULES: Rule[] = [
  {
    // Only the trigger ignores case: with the "i" flag \p{Lu} would match lowercase letters too.
    pattern: new RegExp(
      String.raw`\b(?:[Mm]y [Nn]ame(?: is|'s)|[Cc]all me|[Ii] am called|[Ii]'m called)\s+${NAME}`,
      "u",
    ),
    fact: (m) => set(FACT_KEY.name, m[1]),
  },
  {
    pattern: new RegExp(String.raw`(?:^|[.!?]\s+)[Ii](?:'m| am)\s+${NAME}${END}`, "u"),
    fact: (m) =>
      NOT_NAMES.has((m[1] ?? "").split(" ")[0]?.toLowerCase() ?? "") ? undefined : set(FACT_KEY.name, m[1]),
  },
  {
    pattern: new RegExp(
      String.raw`\bi(?:'ve| have)?\s+(?:just\s+|recently\s+)?(?:moved|relocated)\s+to\s+${PHRASE}${END}`,
      "iu",
    ),
    fact: (m) => set(FACT_KEY.location, m[1]),
  },
  {
    pattern: new RegExp(String.raw`\bi(?:\s+now)?\s+(?:live|am living|'m living)\s+in\s+${PHRASE}${END}`, "iu"),
    fact: (m) => set(FACT_KEY.location, m[1]),
  },
  {
    pattern: new RegExp(String.raw`\bi\s+work\s+as\s+(?:an?\s+)?${PHRASE}${END}`, "iu"),
    fact: (m) => set(FACT_KEY.job, m[1]),
  },
  {
    pattern: new RegExp(String.raw`\bmy\s+job\s+is\s+(?:being\s+)?(?:an?\s+)?${PHRASE}${END}`, "iu"),
    fact: (m) => set(FACT_KEY.job, m[1]),
  },
  {
    pattern: new RegExp(
      String.raw`\bi\s+(?:have|own|got)\s+an?\s+(${PETS})\s+(?:called|named)\s+([\p{L}'-]{1,30})`,
      "iu",
    ),
    fact: (m) => set(FACT_KEY.pet, `a ${m[1]?.toLowerCase()} called ${capitalise(m[2] ?? "")}`),
  },
  {
    pattern: new RegExp(
      String.raw`\bmy\s+(${PETS})(?:'s name is|\s+is\s+called|\s+is\s+named)\s+([\p{L}'-]{1,30})`,
      "iu",
    ),
    fact: (m) => set(FACT_KEY.pet, `a ${m[1]?.toLowerCase()} called ${capitalise(m[2] ?? "")}`),
  },
  {
    pattern: new RegExp(String.raw`\bmy\s+fav(?:ou?rite)?\s+([\p{L} ]{2,30}?)\s+is\s+${PHRASE}${END}`, "iu"),
    fact: (m) => set(`${FACT_KEY.favouritePrefix}${m[1]?.trim().toLowerCase()}`, m[2]),
  },
  {
    pattern: new RegExp(String.raw`\bi(?:'m| am)\s+(\d{1,3})\s*(?:years old|yo)?${END}`, "iu"),
    fact: (m) => set(FACT_KEY.age, m[1]),
  },
  {
    pattern: new RegExp(
      String.raw`\bi\s+(?:don't|do not|dont)\s+(?:really\s+)?(?:like|enjoy|love)\s+${PHRASE}${END}`,
      "iu",
    ),
    fact: (m) => list(FACT_KEY.dislikes, m[1]),
  },
  {
    pattern: new RegExp(String.raw`\bi\s+(?:hate|dislike|can't stand)\s+${PHRASE}${END}`, "iu"),
    fact: (m) => list(FACT_KEY.dislikes, m[1]),
  },
  {
    pattern: new RegExp(
      String.raw`(?:^|[.!?]\s+|\band\s+)i\s+(?:really\s+)?(?:like|love|enjoy|adore)\s+${PHRASE}${END}`,
      "iu",
    ),
    fact: (m) => list(FACT_KEY.likes, m[1]),
  },
];

/**
 * Finds what a user says about themselves ("my name is Ada", "I moved to
 * Lima", "my favourite food is ramen"). Questions are skipped: "do I live in
 * Oslo?" states nothing.
 *
 * @example extractFacts("I moved to Lima") // [{ key: "lives in", value: "Lima", mode: "set" }]
 */
export function extractFacts(text: string): StatedFact[] {
  const facts: StatedFact[] = [];
  for (const sentence of text.slice(0, 2000).split(/(?<=[.!?])\s+|\n+/)) {
    if (isQuestion(sentence)) continue;
    for (const rule of RULES) {
      const match = sentence.match(rule.pattern);
      const fact = match ? rule.fact(match) : undefined;
      if (
        fact &&
        !facts.some((known) => known.key === fact.key && (known.mode === "set" || known.value === fact.value))
      ) {
        facts.push(fact);
      }
    }
  }
  return facts;
}

function isQuestion(sentence: string): boolean {
  const trimmed = sentence.trim();
  return (
    trimmed.endsWith("?") || /^(?:what|where|who|when|why|how|do|does|did|am|is|are|can|could|would)\b/i.test(trimmed)
  );
}

function set(key: string, value: string | undefined): StatedFact | undefined {
  const cleaned = clean(value);
  return cleaned ? { key, value: cleaned, mode: "set" } : undefined;
}

function list(key: string, value: string | undefined): StatedFact | undefined {
  const cleaned = clean(value);
  return cleaned ? { key, value: cleaned, mode: "add" } : undefined;
}

function clean(value: string | undefined): string {
  return (value ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^(?:the|a|an)\s+(?=\p{Lu})/u, "");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
