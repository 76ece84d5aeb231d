import type { BaseMessage } from "@langchain/core/messages";
import { messageText } from "../../model/index.js";
import { estimateTokens } from "../../text/index.js";
import type { TracePrompt } from "./trace.js";

/**
 * The prompt's parts with their estimated tokens: the system prompt's opening
 * (`You are …` and the character's system text), each of its `## ` sections
 * by title, the earlier turns of the room (`history`) and the message itself.
 * Worked out when a trace is read, so recording a turn only keeps the prompt.
 */
export function promptTokens(prompt: readonly BaseMessage[] | undefined): TracePrompt {
  if (!prompt || prompt.length === 0) return { sections: [], totalTokens: 0 };
  const [system, ...rest] = prompt;
  const sections: { name: string; tokens: number }[] = [];
  const blocks = messageText(system as BaseMessage).split("\n\n## ");
  sections.push({ name: "system", tokens: estimateTokens(blocks[0] ?? "") });
  for (const block of blocks.slice(1)) {
    const newline = block.indexOf("\n");
    const title = newline < 0 ? block : block.slice(0, newline);
    sections.push({ name: title, tokens: estimateTokens(block.slice(newline + 1)) });
  }
  const current = rest.pop();
  const history = rest.reduce((sum, message) => sum + estimateTokens(messageText(message)), 0);
  if (rest.length > 0) sections.push({ name: "history", tokens: history });
  if (current) sections.push({ name: "message", tokens: estimateTokens(messageText(current)) });
  return { sections, totalTokens: sections.reduce((sum, section) => sum + section.tokens, 0) };
}
