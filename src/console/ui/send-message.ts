import { ApiError, agentPath, apiHeaders, ensureOk } from "./api.js";
import type { ReplyResult } from "./api-types.js";
import { createSseParser } from "./sse.js";

/**
 * Sends `text` as `user` to an agent and streams the reply: `onDelta` gets each piece of reply text as the
 * server sends it (`event: delta`), and the promise resolves with the `done` event's reply, actions and
 * trace id. An `event: error` rejects with its message.
 */
export async function sendMessage(
  agent: string,
  user: string,
  text: string,
  onDelta: (piece: string) => void,
): Promise<ReplyResult> {
  const response = await ensureOk(
    await fetch(agentPath(agent, "messages"), {
      method: "POST",
      headers: apiHeaders({ accept: "text/event-stream" }),
      body: JSON.stringify({ user, text }),
    }),
  );
  if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    throw new ApiError(response.status, "The server did not stream the reply (expected text/event-stream).");
  }
  const parser = createSseParser();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const event of parser.push(decoder.decode(value, { stream: true }))) {
      const data = JSON.parse(event.data) as { text?: string; error?: string } & ReplyResult;
      if (event.event === "delta" && data.text) onDelta(data.text);
      else if (event.event === "error") throw new ApiError(500, data.error ?? "The reply failed.");
      else if (event.event === "done") {
        await reader.cancel();
        return data;
      }
    }
  }
  throw new ApiError(500, "The reply stream ended before the reply was done.");
}
