import { splitSentences } from "../text/index.js";
import { FACT_KEY } from "./fact-key.js";

/** One fact the user stated about themselves, keyed like the prompt's fact lines (`FACT_KEY`). */
export interface StatedFact {
  key: string;
  value: string;
  /** For `lives in`: true when the user said they moved, so the reply can remark on the change. */
  moved?: boolean;
}

/** Words that follow "I'm" or "call me" without being a name. */
const NOT_NAMES = new Set(
  "sorry fine good ok okay here back not so just really very happy sad tired glad sure new ready done busy home alright well afraid going trying still also always never the later when tomorrow maybe if back anytime".split(
    " ",
  ),
);
/** Words that follow "I'm a" without being a job. */
const NOT_JOBS = new Set(
  "bit little lot big huge fan kind sort tad mess wreck good bad great new person fan human real total complete".split(
    " ",
  ),
);

const END = String.raw`(?=[.,!?;:]|\s+(?:and|but|now|since|because|so|who|which|with|for|at|in|on|from|these|this|these|last|right)\b|$)`;
/** Like END, but "and" continues a list ("jazz and hiking"). */
const LIST_END = END.replace("and|", "");
const PHRASE = "([^.,!?;:]{1,60}?)";

// Only the trigger ignores case: under the "i" flag \p{Lu} would match lowercase letters too.
const NAME = /\b(?:[Mm]y [Nn]ame(?: is|'s)|MY NAME IS|[Cc]all me)\s+(\p{L}[\p{L}'-]{0,30}(?: \p{Lu}[\p{L}'-]{0,30})?)/u;
const INTRO = /(?:^|[.!?]\s+)[Ii](?:'m|’m| am|m)\s+(\p{Lu}[\p{L}'-]{0,30})(?=[\s.,!?]|$)/u;
const LIVE = new RegExp(
  String.raw`\bi(?:\s+now|\s+currently)?\s+(?:live|am living|'m living|’m living|reside|stay)\s+in\s+${PHRASE}${END}`,
  "iu",
);
const MOVED = new RegExp(
  String.raw`\bi(?:'ve|’ve| have)?\s+(?:just\s+|recently\s+)?(?:moved|relocated)\s+to\s+${PHRASE}${END}`,
  "iu",
);
const WORK_AS = new RegExp(String.raw`\bi\s+work\s+as\s+((?:an?\s+)?${PHRASE.slice(1, -1)})${END}`, "iu");
const I_AM_A = /\bi(?:'m|’m| am)\s+(an?)\s+(\p{L}+(?:\s+\p{L}+)?)/iu;
const FAVOURITE = new RegExp(String.raw`\bmy\s+fav(?:ou?rite|e)\s+(\p{L}+(?:\s+\p{L}+)?)\s+is\s+${PHRASE}${END}`, "iu");
const PET = /\bi\s+(?:have|got|own)\s+(?:an?|my)\s+(\p{L}+)\s+(?:called|named)\s+(\p{L}[\p{L}'-]*)/iu;
const PET_NAMED =
  /\bmy\s+(dog|cat|puppy|kitten|rabbit|bunny|hamster|parrot|bird|fish|horse|turtle|snake|lizard|ferret|pig|goat)(?:'s|’s)?\s+(?:name\s+is|is\s+called|is\s+named|called)\s+(\p{L}[\p{L}'-]*)/iu;
const LIKES = new RegExp(
  String.raw`\bi\s+(?:really\s+|also\s+|just\s+)?(?:like|love|enjoy|adore)\s+${PHRASE}${LIST_END}`,
  "iu",
);
const DISLIKES = new RegExp(
  String.raw`\bi\s+(?:really\s+)?(?:don't|don’t|do not|dont)\s+(?:like|enjoy)\s+${PHRASE}${LIST_END}|\bi\s+(?:really\s+)?(?:hate|dislike|can't stand|can’t stand|cannot stand)\s+${PHRASE}${LIST_END}`,
  "iu",
);
const AGE = /\bi(?:'m|’m| am)\s+(\d{1,3})(?:\s+years?\s+old|\s+yo)?\b(?!\s*(?:%|percent|minutes|hours|km|miles))/iu;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function tidy(value: string): string {
  return value
    .replace(/^(?:the city of|the town of)\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The user's name from "my name is Alice", "call me Al" or a sentence-initial "I'm Alice". */
function statedName(text: string): string | undefined {
  const match = NAME.exec(text) ?? INTRO.exec(text);
  const name = match?.[1];
  if (!name || NOT_NAMES.has(name.toLowerCase())) return undefined;
  return capitalise(name);
}

function statedJob(text: string): string | undefined {
  const workAs = WORK_AS.exec(text)?.[1];
  if (workAs) return tidy(workAs);
  const match = I_AM_A.exec(text);
  if (!match) return undefined;
  const words = (match[2] as string).split(/\s+/);
  if (NOT_JOBS.has((words[0] as string).toLowerCase())) return undefined;
  // "I'm a nurse in Lima": keep the job, not what follows it.
  const job =
    words.length > 1 && /^(?:in|at|and|but|for|from|who|with|so|now)$/i.test(words[1] as string)
      ? words[0]
      : words.join(" ");
  return `${(match[1] as string).toLowerCase()} ${job}`;
}

/**
 * Facts the user states about themselves in `text`, with the phrasings the
 * offline model understands: "my name is / call me / I'm <Name>", "I live in /
 * I moved to", "I work as / I'm a <job>", "my favourite X is Y", "I have a
 * <pet> called Z", "I like / I love", "I don't like / I hate", "I'm 34".
 * Questions state nothing ("do I live in Oslo?"). A key stated twice keeps the
 * later value, except likes and dislikes, which list every one.
 *
 * @example
 * extractStatedFacts("I moved to Lima last year")
 * // → [{ key: "lives in", value: "Lima", moved: true }]
 */
export function extractStatedFacts(text: string): StatedFact[] {
  const facts: StatedFact[] = [];
  for (const sentence of splitSentences(text.slice(0, 2000))) {
    if (isQuestion(sentence)) continue;
    for (const fact of factsInSentence(sentence)) {
      const same = facts.findIndex(
        (known) => known.key === fact.key && (!LIST_KEYS.has(fact.key) || known.value === fact.value),
      );
      if (same >= 0) facts.splice(same, 1);
      facts.push(fact);
    }
  }
  return facts;
}

const LIST_KEYS = new Set<string>([FACT_KEY.likes, FACT_KEY.dislikes]);

function isQuestion(sentence: string): boolean {
  const trimmed = sentence.trim();
  return (
    trimmed.endsWith("?") || /^(?:what|where|who|when|why|how|do|does|did|am|is|are|can|could|would)\b/i.test(trimmed)
  );
}

function factsInSentence(text: string): StatedFact[] {
  const facts: StatedFact[] = [];
  const name = statedName(text);
  if (name) facts.push({ key: FACT_KEY.name, value: name });
  const moved = MOVED.exec(text)?.[1];
  const lives = LIVE.exec(text)?.[1];
  if (moved) facts.push({ key: FACT_KEY.location, value: tidy(moved), moved: true });
  else if (lives) facts.push({ key: FACT_KEY.location, value: tidy(lives) });
  const job = statedJob(text);
  if (job) facts.push({ key: FACT_KEY.job, value: job });
  const favourite = FAVOURITE.exec(text);
  if (favourite) {
    const thing = (favourite[1] as string).toLowerCase().replace(/\bcolor\b/, "colour");
    facts.push({ key: `${FACT_KEY.favouritePrefix}${thing}`, value: tidy(favourite[2] as string) });
  }
  const pet = PET.exec(text) ?? PET_NAMED.exec(text);
  if (pet)
    facts.push({
      key: FACT_KEY.pet,
      value: `a ${(pet[1] as string).toLowerCase()} called ${capitalise(pet[2] as string)}`,
    });
  const dislike = DISLIKES.exec(text);
  const dislikes = dislike?.[1] ?? dislike?.[2];
  if (dislikes) facts.push({ key: FACT_KEY.dislikes, value: tidy(dislikes) });
  const likes = LIKES.exec(text)?.[1];
  if (likes && !/^(?:to\s+)?(?:you|it|that|this)$/i.test(likes.trim()))
    facts.push({ key: FACT_KEY.likes, value: tidy(likes) });
  const age = AGE.exec(text)?.[1];
  if (age && Number(age) > 0 && Number(age) < 125) facts.push({ key: FACT_KEY.age, value: age });
  return facts;
}
