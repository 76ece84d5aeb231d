import type { ExampleTurn } from "./character.js";
import { type FileReport, isObject, type JsonPath } from "./file-report.js";
import { readString } from "./read-values.js";

/** Who the character is, to tell its own example turns from the other person's. */
export interface Speaker {
  name: string | undefined;
  username?: string | undefined;
}

const OTHER_PERSON = /\{\{(?:user|name)\d*\}\}/gi;
const THE_CHARACTER = /\{\{(?:agentName|char)\}\}/gi;

/**
 * Reads elizaOS `messageExamples` (0.x `user` + `content.action`, 1.x `name` +
 * `content.actions`) into `{ user, text, action? }` turns, where the other
 * person is `{{user}}` and the character's turns carry its name.
 */
export function readMessageExamples(
  report: FileReport,
  value: unknown,
  path: JsonPath,
  speaker: Speaker,
): ExampleTurn[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.problem(path, "expected array of conversations", value);
    return [];
  }
  const conversations: ExampleTurn[][] = [];
  value.forEach((conversation, index) => {
    if (!Array.isArray(conversation)) {
      report.problem([...path, index], "expected array of turns", conversation);
      return;
    }
    const turns = conversation.flatMap((turn, turnIndex) =>
      readTurn(report, turn, [...path, index, turnIndex], speaker),
    );
    conversations.push(turns);
  });
  return conversations;
}

function readTurn(report: FileReport, turn: unknown, path: JsonPath, speaker: Speaker): ExampleTurn[] {
  if (!isObject(turn)) {
    report.problem(path, "expected object with a speaker and content", turn);
    return [];
  }
  const key = turn.user !== undefined ? "user" : "name";
  const who = turn[key];
  if (typeof who !== "string") {
    report.problem(turn[key] === undefined ? path : [...path, key], 'expected a "user" or "name" string', who);
  }
  const content = turn.content;
  if (!isObject(content)) {
    report.problem([...path, "content"], "expected object", content);
    return [];
  }
  // elizaOS 1.x makes `text` optional (an example may only show an action).
  const text = readString(report, content.text, [...path, "content", "text"]) ?? "";
  const action = readAction(report, content, [...path, "content"]);
  if (typeof who !== "string") return [];
  const normalised: ExampleTurn = { user: speakerOf(who, speaker), text: normaliseText(text, speaker) };
  if (action !== undefined) normalised.action = action;
  return [normalised];
}

function readAction(report: FileReport, content: Record<string, unknown>, path: JsonPath): string | undefined {
  const action = readString(report, content.action, [...path, "action"]);
  if (action !== undefined) return action;
  const actions = content.actions;
  if (actions === undefined) return undefined;
  if (!Array.isArray(actions)) {
    report.problem([...path, "actions"], "expected array of strings", actions);
    return undefined;
  }
  actions.forEach((item, index) => {
    if (typeof item !== "string") report.problem([...path, "actions", index], "expected string", item);
  });
  return actions.find((item): item is string => typeof item === "string");
}

function speakerOf(who: string, speaker: Speaker): string {
  const lower = who.trim().toLowerCase();
  const isCharacter =
    /^\{\{(?:agentName|char)\}\}$/i.test(who.trim()) ||
    (speaker.name !== undefined && lower === speaker.name.toLowerCase()) ||
    (speaker.username !== undefined && lower === speaker.username.toLowerCase());
  return isCharacter && speaker.name !== undefined ? speaker.name : "{{user}}";
}

function normaliseText(text: string, speaker: Speaker): string {
  const withUser = text.replace(OTHER_PERSON, "{{user}}");
  return speaker.name === undefined ? withUser : withUser.replace(THE_CHARACTER, speaker.name);
}
