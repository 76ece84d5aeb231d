import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A tool result's text, past which the rest is cut: the model is handed at most a few thousand characters anyway. */
const MAX_RESULT_CHARS = 16_000;

/**
 * The text of an MCP tool result: its text parts, one per line, with other
 * parts (images, audio, resources) named rather than dropped silently, and
 * structured content as JSON when there is no text.
 */
export function toolResultText(result: CallToolResult): string {
  const lines = result.content.map((part) => {
    if (part.type === "text") return part.text;
    if (part.type === "resource_link") return `[resource ${part.uri}]`;
    if (part.type === "resource")
      return "text" in part.resource ? part.resource.text : `[resource ${part.resource.uri}]`;
    return `[${part.type}]`;
  });
  const text = lines.join("\n").trim() || (result.structuredContent ? JSON.stringify(result.structuredContent) : "");
  return text.slice(0, MAX_RESULT_CHARS);
}
