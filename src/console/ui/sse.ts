/** One server-sent event: its `event:` name (default "message") and its `data:` lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads server-sent events from text that arrives in pieces: `push` each piece, get back the events it
 * completed (an event ends at a blank line; a piece may end mid-line). Comments (`:`) and `id:`/`retry:`
 * lines are skipped: the console does not reconnect a message stream.
 */
export function createSseParser(): { push(text: string): ServerSentEvent[] } {
  let buffer = "";
  return {
    push(text) {
      buffer += text.replace(/\r\n?/g, "\n");
      const events: ServerSentEvent[] = [];
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const event = parseBlock(buffer.slice(0, end));
        if (event) events.push(event);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
      return events;
    },
  };
}

function parseBlock(block: string): ServerSentEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, data: data.join("\n") } : undefined;
}
