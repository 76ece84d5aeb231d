import { escapeRegExp } from "../text/index.js";
import type { ExampleTurn, KnowledgeItem } from "./character.js";
import { type FileReport, isObject } from "./file-report.js";
import type { CharacterParts } from "./read-eliza-character.js";
import { readStringList } from "./read-values.js";

/** Card v2 `data` keys Troupe maps onto the character. */
const MAPPED_TEXT = ["name", "description", "personality", "scenario", "first_mes", "mes_example", "system_prompt"];
const MAPPED = [...MAPPED_TEXT, "character_book", "tags"];
/** The other card v2 `data` keys: kept in `extra` without a warning. */
const KEPT_TEXT = ["creator_notes", "post_history_instructions", "creator", "character_version"];
const KEPT = [...KEPT_TEXT, "alternate_greetings", "extensions"];

/** True for a Tavern character card object (`spec: "chara_card_v2"`). */
export function isTavernCard(raw: Record<string, unknown>): boolean {
  return typeof raw.spec === "string" && raw.spec.startsWith("chara_card");
}

/**
 * Maps a Tavern character card v2 onto Troupe parts: description → bio
 * (sentences), personality → adjectives (when it is a short list, else bio),
 * scenario → lore, first_mes → greeting, mes_example → messageExamples,
 * system_prompt → system, character_book entries → knowledge, tags → topics.
 * `{{char}}` becomes the name; `{{user}}` stays for the other person.
 */
export function readTavernCard(report: FileReport, raw: Record<string, unknown>): CharacterParts {
  if (raw.spec !== "chara_card_v2") report.problem(["spec"], 'expected "chara_card_v2"', raw.spec);
  const data = raw.data;
  if (!isObject(data)) {
    report.problem(["data"], "expected object", data);
    return {};
  }
  for (const key of [...MAPPED_TEXT, ...KEPT_TEXT]) {
    if (data[key] !== undefined && typeof data[key] !== "string")
      report.problem(["data", key], "expected string", data[key]);
  }
  const name = typeof data.name === "string" ? data.name.trim() : "";
  if (name === "") report.problem(["data", "name"], "expected a non-empty string", data.name);
  const text = (key: string) => (typeof data[key] === "string" ? withName(data[key], name).trim() : "");

  const personality = splitList(text("personality"));
  const shortList = personality.every((item) => item.split(/\s+/).length <= 6);
  const parts: CharacterParts = {
    name,
    bio: [...sentences(text("description")), ...(shortList ? [] : sentences(text("personality")))],
    adjectives: shortList ? personality : [],
    lore: text("scenario") === "" ? [] : [text("scenario")],
    messageExamples: readMesExample(text("mes_example"), name),
    knowledge: readCharacterBook(report, data.character_book, name),
    topics: readStringList(report, data.tags, ["data", "tags"]),
    extra: {},
  };
  const system = text("system_prompt")
    .replace(/\{\{original\}\}/gi, "")
    .trim();
  if (system !== "") parts.system = system;
  if (text("first_mes") !== "") parts.greeting = text("first_mes");
  for (const [key, value] of Object.entries(data)) {
    if (MAPPED.includes(key)) continue;
    (parts.extra as Record<string, unknown>)[key] = value;
    if (!KEPT.includes(key)) report.warn(["data", key], "unknown key, kept");
  }
  return parts;
}

function withName(text: string, name: string): string {
  return text.replace(/\{\{char\}\}|<BOT>/gi, name).replace(/\{\{user\}\}|<USER>/gi, "{{user}}");
}

function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=["'(A-Z])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `<START>` blocks of `{{user}}: …` / `{{char}}: …` lines; other lines continue the turn above. */
function readMesExample(text: string, name: string): ExampleTurn[][] {
  const speakerLine = new RegExp(`^(\\{\\{user\\}\\}|${escapeRegExp(name)}):\\s?(.*)$`);
  return text
    .split(/<START>/i)
    .map((block) => {
      const turns: ExampleTurn[] = [];
      for (const line of block.split(/\r?\n/)) {
        const match = speakerLine.exec(line.trim());
        const last = turns.at(-1);
        if (match) turns.push({ user: match[1] as string, text: match[2] as string });
        else if (last && line.trim() !== "") last.text += `\n${line.trim()}`;
      }
      return turns.map((turn) => ({ ...turn, text: turn.text.trim() }));
    })
    .filter((turns) => turns.length > 0);
}

function readCharacterBook(report: FileReport, book: unknown, name: string): KnowledgeItem[] {
  if (book === undefined || book === null) return [];
  if (!isObject(book) || !Array.isArray(book.entries)) {
    report.problem(["data", "character_book", "entries"], "expected array", isObject(book) ? book.entries : book);
    return [];
  }
  return book.entries.flatMap((entry, index): KnowledgeItem[] => {
    const path = ["data", "character_book", "entries", index, "content"];
    if (!isObject(entry) || typeof entry.content !== "string") {
      report.problem(path, "expected string", isObject(entry) ? entry.content : entry);
      return [];
    }
    if (entry.enabled === false || entry.content.trim() === "") return [];
    return [{ kind: "text", text: withName(entry.content, name).trim() }];
  });
}
