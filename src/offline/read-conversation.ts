import type { BaseMessage } from "@langchain/core/messages";
import { extractStatedFacts } from "../memory/index.js";
import { messageText, parseFacts, parsePrompt, SECTION } from "../model/index.js";
import { cleanText } from "../text/index.js";

/** Only the start of a message is analysed, so a huge paste costs no more than a paragraph. */
const MAX_ANALYSED_CHARS = 2_000;

/** What the offline model reads out of the messages the runtime hands it. */
export interface Conversation {
  /** Sections of the system prompt: title → bullet lines. */
  sections: Map<string, string[]>;
  /** Facts about the user: the prompt's, plus ones stated earlier in the visible history that the prompt lacks. */
  facts: Map<string, string>;
  /** "Who you are talking with" lines: `display name`, `platform`, `room`. */
  speaker: Map<string, string>;
  /** The latest human message, cleaned and truncated. */
  text: string;
  /** What was said before it in the visible history, both sides (read when asked for: one rule needs it). */
  readonly earlier: string[];
  /** What the same user said before it in the visible history, oldest first (read when asked for). */
  readonly ownEarlier: string[];
  /** Set when the last message is a tool result to report back. */
  toolResult?: { name?: string; content: string; failed: boolean };
  /** The model's previous reply, to avoid saying exactly the same thing twice. */
  lastReply?: string;
  /** True when the model has not replied yet in the visible history. */
  isFirstExchange: boolean;
}

/** The start of a message as one line of plain words: what the rules match against. */
function readableText(text: string): string {
  return cleanText(text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text, { oneLine: true });
}

/** Reads the system prompt, the user's facts, the latest human message and any trailing tool result. */
export function readConversation(messages: BaseMessage[]): Conversation {
  const system = messages
    .filter((message) => message.type === "system")
    .map((message) => messageText(message))
    .join("\n");
  const sections = parsePrompt(system);
  const facts = parseFacts(sections.get(SECTION.userFacts) ?? []);
  const speaker = parseFacts(sections.get(SECTION.speaker) ?? []);
  const humans = messages.filter((message) => message.type === "human");
  const latest = humans.at(-1);
  // The runtime may extract facts after replying; what the user said a turn ago still counts, the prompt's word first.
  // Only the user's own turns: in a group room the others' turns carry their names.
  const stated = new Map<string, string>();
  for (const earlier of humans.slice(0, -1).filter((human) => human.name === latest?.name)) {
    for (const fact of extractStatedFacts(readableText(messageText(earlier)))) stated.set(fact.key, fact.value);
  }
  for (const [key, value] of stated) if (!facts.has(key)) facts.set(key, value);
  const last = messages.at(-1);
  const replies = messages.filter((message) => message.type === "ai" && messageText(message).trim() !== "");
  const conversation = new ReadConversation(messages, latest, humans, {
    sections,
    facts,
    speaker,
    text: latest ? readableText(messageText(latest)) : "",
    isFirstExchange: replies.length === 0,
  });
  if (last?.type === "tool") {
    const { status, tool_call_id: callId } = last as BaseMessage & { status?: string; tool_call_id?: string };
    // A tool message names its tool only sometimes; the call it answers always does.
    const name = last.name ?? calledToolName(messages, callId);
    conversation.toolResult = { name, content: readableText(messageText(last)), failed: status === "error" };
  }
  const lastReply = replies.length > 0 ? messageText(replies.at(-1) as BaseMessage) : undefined;
  if (lastReply !== undefined) conversation.lastReply = lastReply;
  return conversation;
}

/**
 * A conversation whose history (`earlier`, `ownEarlier`) is read from the
 * messages only when a rule asks. Getters of a class, not of an object
 * literal: a literal's getters are new functions on every call, and V8 then
 * gives each conversation a hidden class of its own in the old generation,
 * which kept every prompt's messages alive through young collections.
 */
class ReadConversation implements Conversation {
  sections: Map<string, string[]>;
  facts: Map<string, string>;
  speaker: Map<string, string>;
  text: string;
  isFirstExchange: boolean;
  declare toolResult?: Conversation["toolResult"];
  declare lastReply?: string;
  readonly #messages: BaseMessage[];
  readonly #latest: BaseMessage | undefined;
  readonly #humans: BaseMessage[];

  constructor(
    messages: BaseMessage[],
    latest: BaseMessage | undefined,
    humans: BaseMessage[],
    read: Pick<Conversation, "sections" | "facts" | "speaker" | "text" | "isFirstExchange">,
  ) {
    this.sections = read.sections;
    this.facts = read.facts;
    this.speaker = read.speaker;
    this.text = read.text;
    this.isFirstExchange = read.isFirstExchange;
    this.#messages = messages;
    this.#latest = latest;
    this.#humans = humans;
  }

  get earlier(): string[] {
    const latest = this.#latest;
    return this.#messages
      .slice(0, latest ? this.#messages.lastIndexOf(latest) : 0)
      .filter((message) => message.type === "human" || message.type === "ai")
      .map((message) => messageText(message));
  }

  get ownEarlier(): string[] {
    const name = this.#latest?.name;
    return this.#humans
      .slice(0, -1)
      .filter((human) => human.name === name)
      .map((human) => readableText(messageText(human)));
  }
}

/** The name to call the user by: the name they told, else their display name. */
export function userName(conversation: Conversation): string | undefined {
  return conversation.facts.get("name") ?? conversation.speaker.get("display name");
}

/** The name of the tool whose call has this id, from the model's earlier tool calls. */
function calledToolName(messages: BaseMessage[], callId: string | undefined): string | undefined {
  if (callId === undefined) return undefined;
  for (const message of messages) {
    const calls = (message as BaseMessage & { tool_calls?: { id?: string; name: string }[] }).tool_calls ?? [];
    const call = calls.find((candidate) => candidate.id === callId);
    if (call) return call.name;
  }
  return undefined;
}
