import type { BaseMessage } from "@langchain/core/messages";

/**
 * The text of a message. Cheaper than LangChain's `message.text`, which first
 * converts the content to standard blocks through every provider's translator.
 */
export function messageText(message: BaseMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  return content
    .map((part) => (typeof part === "string" ? part : part.type === "text" ? String(part.text) : ""))
    .join("");
}
