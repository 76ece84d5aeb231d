import type { BaseMessage } from "@langchain/core/messages";
import { messageText, SECTION } from "../../model/index.js";
import { estimateTokens } from "../../text/index.js";
import type { TracePrompt } from "./trace.js";

const HEADING = "\n\n## ";

/**
 * The titles the runtime writes, each by itself: a trace names its sections with these, not with slices of
 * the prompt, since V8 makes a slice of a long string point into it and a kept trace would keep its whole
 * prompt alive (a hundred traces, a hundred prompts).
 */
const TITLES = new Map<string, string>(Object.values(SECTION).map((title) => [title, title]));

/**
 * The prompt's parts with their estimated tokens: the system prompt's opening
 * (`You are …` and the character's system text), each of its `## ` sections
 * by title, the earlier turns of the room (`history`) and the message itself.
 * Worked out by positions in the text, not copies of it, because it runs on
 * every message: a trace keeps these counts, never the prompt.
 */
export function promptTokens(prompt: readonly BaseMessage[]): TracePrompt {
  const sections: { name: string; tokens: number }[] = [];
  const [system, ...rest] = prompt;
  if (system) {
    const text = messageText(system);
    let name = "system";
    let from = 0;
    for (;;) {
      const heading = text.indexOf(HEADING, from);
      const end = heading < 0 ? text.length : heading;
      sections.push({ name, tokens: Math.ceil((end - from) / 4) });
      if (heading < 0) break;
      const titleEnd = text.indexOf("\n", heading + HEADING.length);
      const title = text.slice(heading + HEADING.length, titleEnd < 0 ? text.length : titleEnd);
      name = TITLES.get(title) ?? title;
      from = titleEnd < 0 ? text.length : titleEnd + 1;
    }
  }
  const current = rest.pop();
  if (rest.length > 0) {
    sections.push({
      name: "history",
      tokens: rest.reduce((sum, message) => sum + estimateTokens(messageText(message)), 0),
    });
  }
  if (current) sections.push({ name: "message", tokens: estimateTokens(messageText(current)) });
  return { sections, totalTokens: sections.reduce((sum, section) => sum + section.tokens, 0) };
}
