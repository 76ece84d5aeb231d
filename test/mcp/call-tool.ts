import type { Client } from "@modelcontextprotocol/sdk/client/index.js";

/** Calls a tool and returns its text and whether it is a tool error. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ text: string; isError: boolean; data: unknown }> {
  const result = await client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as { type: string; text?: string }[];
  const text = content.map((part) => part.text ?? "").join("\n");
  return { text, isError: result.isError === true, data: result.structuredContent };
}
