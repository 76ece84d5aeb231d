import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CharacterExistsError, CharacterFileError } from "../../character/index.js";

/**
 * The text of a starter character in Troupe's dialect: JSON with `//`
 * comments (JSONC) explaining each field, ready to load and to edit.
 */
export function starterCharacter(name: string): string {
  const quoted = JSON.stringify(name);
  return `{
  // The name the character goes by; example turns below use it for the character's lines.
  "name": ${quoted},

  // Who the character is, as short facts; a few are picked for each prompt.
  "bio": [
    ${JSON.stringify(`${name} is a friendly guide who explains things plainly.`)},
    ${JSON.stringify(`${name} likes questions more than answers.`)}
  ],

  // Backstory and anecdotes that colour replies.
  "lore": [
    ${JSON.stringify(`${name} once kept a notebook of every question a stranger asked.`)}
  ],

  // What the character likes to talk about.
  "topics": ["getting started", "good questions"],

  // Words that describe the character's manner.
  "adjectives": ["curious", "patient", "plain-spoken"],

  // How the character writes: "all" everywhere, "chat" in conversations, "post" in public posts.
  "style": {
    "all": ["short sentences", "no jargon"],
    "chat": ["asks one question back when something is unclear"],
    "post": ["one idea per post"]
  },

  // Example conversations. "{{user}}" is whoever talks to the character; the character's lines use its name.
  "messageExamples": [
    [
      { "user": "{{user}}", "content": { "text": "Hi, who are you?" } },
      { "user": ${quoted}, "content": { "text": "I'm ${escapeInString(name)}. Ask me anything, I'll keep it simple." } }
    ],
    [
      { "user": "{{user}}", "content": { "text": "Can you explain that again?" } },
      { "user": ${quoted}, "content": { "text": "Sure. Which part lost you, the start or the end?" } }
    ]
  ],

  // Knowledge: plain text, or { "path": "./notes.md" } / { "directory": "./docs" } relative to this file.
  "knowledge": [
    ${JSON.stringify(`${name} was created with troupe new.`)}
  ],

  // What this character can do for other agents over the bus; others may delegate these tasks to it.
  "capabilities": [
    { "name": "explain", "description": "Explains a topic in plain words" }
  ],

  // Memory: recent turns kept verbatim, long-term memories recalled per message, prompt token budget.
  "memory": { "shortTermTurns": 20, "recallK": 6, "tokenBudget": 4000 },

  // Model: the environment's, like every character (OPENAI_API_KEY, OPENAI_BASE_URL, TROUPE_MODEL; the offline
  // model when none is set). Add "provider" or "model" here only to give this character a different one.
  "model": { "temperature": 0.7 }
}
`;
}

/**
 * Writes a starter character to `<dir>/<kebab-name>.json` and returns its path.
 * Creates `dir` if needed; refuses to overwrite a file (`CharacterExistsError`).
 *
 * @example
 * await writeStarterCharacter("Sage Owl", "characters"); // "characters/sage-owl.json"
 */
export async function writeStarterCharacter(name: string, dir: string): Promise<string> {
  const fileName = kebabCase(name);
  const file = join(dir, `${fileName}.json`);
  if (fileName === "") {
    throw new CharacterFileError({
      file,
      problems: [`${file}: name: expected a name with a letter or digit, got ${JSON.stringify(name)}`],
    });
  }
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(file, starterCharacter(name.trim()), { flag: "wx" });
  } catch (error) {
    if ((error as { code?: unknown }).code === "EEXIST") throw new CharacterExistsError({ file });
    throw error;
  }
  return file;
}

function kebabCase(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** The name as it may appear inside a JSON string literal. */
function escapeInString(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}
