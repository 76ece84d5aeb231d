const PAIRS: [RegExp, string][] = [
  [/\byou are\b/gi, "I am"],
  [/\bare you\b/gi, "am I"],
  [/\byou were\b/gi, "I was"],
  [/\bi am\b/gi, "you are"],
  [/\bam i\b/gi, "are you"],
  [/\bi was\b/gi, "you were"],
  [/\bwas i\b/gi, "were you"],
];

const WORDS: Record<string, string> = {
  i: "you",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  im: "you're",
  ive: "you've",
  your: "my",
  yours: "mine",
  yourself: "myself",
  "you're": "I'm",
  "you've": "I've",
  "you'll": "I'll",
  "you'd": "I'd",
  youre: "I'm",
  am: "are",
  we: "you",
  us: "you",
  our: "your",
};

/** Verbs after which "you" is the subject ("you know" → "I know"); elsewhere it is the object ("tell you" → "tell me"). */
const SUBJECT_VERBS =
  /^(?:am|are|were|was|have|had|do|did|does|can|could|will|would|should|might|must|know|think|said|say|want|like|love|hate|need|feel|see|seem|make|made|get|got|go|went|understand|remember|forgot|mean|always|never|really|just)$/i;

/** A placeholder that cannot occur in input, so swapped words are not swapped back. */
const MARK = "\u0000";

/**
 * Swaps first and second person so a user's words can be echoed back:
 * "I need my coffee" → "you need your coffee", "you forgot me" → "I forgot you".
 */
export function reflectPronouns(text: string): string {
  let swapped = text.replace(/’/g, "'");
  for (const [pattern, replacement] of PAIRS)
    swapped = swapped.replace(pattern, `${MARK}${replacement.replace(/ /g, `${MARK} ${MARK}`)}${MARK}`);
  const tokens = swapped.split(/(\s+)/);
  const out = tokens.map((token, index) => {
    if (token.includes(MARK) || /^\s+$/.test(token)) return token;
    const match = /^([\p{L}']+)(.*)$/u.exec(token);
    if (!match) return token;
    const word = (match[1] as string).toLowerCase();
    const rest = match[2] as string;
    if (word === "you") {
      const next = tokens[index + 2]?.replace(/[^\p{L}']/gu, "") ?? "";
      return `${index === 0 || SUBJECT_VERBS.test(next) ? "I" : "me"}${rest}`;
    }
    const replacement = WORDS[word];
    return replacement ? `${replacement}${rest}` : token;
  });
  return out.join("").replaceAll(MARK, "");
}
