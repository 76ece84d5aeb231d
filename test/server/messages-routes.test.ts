import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpConnector } from "../../src/connectors/index.js";
import { createLogger } from "../../src/index.js";
import { startAgent } from "../helpers/offline-agent.js";
import { sage } from "../helpers/sage-character.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { characterJson, useApi } from "./api-harness.js";

const startApi = useApi();
const tempDir = useTempDir();
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

/** A chat model that streams its reply in two pieces and writes the second only once `release` is called. */
class GatedModel extends BaseChatModel {
  private opened: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => {
    this.opened = resolve;
  });

  release(): void {
    this.opened();
  }

  _llmType(): string {
    return "gated";
  }

  async _generate(): Promise<ChatResult> {
    await this.gate;
    return { generations: [{ text: "Hello there.", message: new AIMessage("Hello there.") }] };
  }

  override async *_streamResponseChunks(
    _messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    yield new ChatGenerationChunk({ text: "Hello ", message: new AIMessageChunk("Hello ") });
    await this.gate;
    yield new ChatGenerationChunk({ text: "there.", message: new AIMessageChunk("there.") });
  }
}

interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** Reads server-sent events off a fetch response body as they arrive. */
async function* readEvents(response: Response): AsyncGenerator<ServerSentEvent> {
  const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      yield { event, data: JSON.parse(data) };
      end = buffer.indexOf("\n\n");
    }
  }
}

async function serveGatedAgent() {
  const model = new GatedModel({});
  const agent = await startAgent(tempDir(), sage(), model, createLogger({ level: "silent" }));
  closing.push(() => agent.stop());
  const connector = createHttpConnector();
  await connector.start({ agents: [agent], logger: createLogger({ level: "silent" }) });
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: connector.routes.fetch, hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started as Server),
    ) as Server;
  });
  closing.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const address = server.address();
  return { model, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` };
}

describe("POST /agents/:name/messages", () => {
  it("answers JSON with the reply, the actions run and the id of the message's trace", async () => {
    const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
    const response = await api.call("/agents/juno/messages", { json: { user: "ada", text: "Hi, I am Ada." } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { reply: string; actions: unknown[]; traceId: string };
    expect(body.reply).toEqual(expect.any(String));
    expect(body.actions).toEqual([]);
    const trace = await api.call(`/traces/${body.traceId}`);
    expect(trace.status).toBe(200);
    expect(await trace.json()).toMatchObject({ agent: "Juno", text: "Hi, I am Ada.", reply: body.reply });
  });

  it("refuses a body without text, or with a user that is only invisible characters, naming the field", async () => {
    const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
    const missing = await api.call("/agents/juno/messages", { json: { user: "ada" } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/^text: /);
    const invisible = await api.call("/agents/juno/messages", { json: { user: "\u200b\u202e", text: "hi" } });
    expect(invisible.status).toBe(400);
    expect(((await invisible.json()) as { error: string }).error).toMatch(/^user: must name someone/);
    const wrongType = await api.call("/agents/juno/messages", { json: { user: "ada", text: 5 } });
    expect(((await wrongType.json()) as { error: string }).error).toMatch(/^text: /);
  });

  it("streams the reply as server-sent events while the model writes it, then sends done", async () => {
    const { model, url } = await serveGatedAgent();
    const response = await fetch(`${url}/agents/sage/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ user: "ada", text: "Hello!" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = readEvents(response);
    // The first piece arrives while the model still holds back the second: the reply really streams.
    expect((await events.next()).value).toEqual({ event: "delta", data: { text: "Hello " } });
    model.release();
    const rest: ServerSentEvent[] = [];
    for await (const event of events) rest.push(event);
    expect(rest).toEqual([
      { event: "delta", data: { text: "there." } },
      { event: "done", data: { reply: "Hello there.", actions: [], traceId: expect.any(String) } },
    ]);
  });

  it("sends a reply that came without the model as one delta, and 409 for a paused agent even when streaming", async () => {
    const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
    const stream = await api.call("/agents/juno/messages", {
      json: { user: "ada", text: "Hello!" },
      headers: { accept: "text/event-stream" },
    });
    const events: ServerSentEvent[] = [];
    for await (const event of readEvents(stream)) events.push(event);
    const done = events.at(-1) as { event: string; data: { reply: string } };
    expect(done.event).toBe("done");
    const deltas = events
      .filter((event) => event.event === "delta")
      .map((event) => (event.data as { text: string }).text);
    expect(deltas.join("")).toBe(done.data.reply);

    await api.call("/agents/juno/pause", { method: "POST" });
    const paused = await api.call("/agents/juno/messages", {
      json: { user: "ada", text: "Hello?" },
      headers: { accept: "text/event-stream" },
    });
    expect(paused.status).toBe(409);
    expect(await paused.json()).toEqual({ error: "Juno is paused." });
  });
});
