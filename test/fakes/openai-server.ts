/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests: `/v1/chat/completions`
 * (plain and SSE streaming, with tool calls), `/v1/embeddings` and `/v1/models`.
 * Each request takes the next scripted answer of its endpoint; with none
 * scripted it answers normally (a reply that quotes the last user message,
 * deterministic embeddings). Answers can be switched to a status (429 with
 * Retry-After, 500, 401), a slow answer, malformed JSON, a dropped connection
 * or a tool call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers to one request. */
export type FakeAnswer =
  | { kind: "reply"; text: string }
  | { kind: "tool-call"; name: string; args: Record<string, unknown> }
  | { kind: "status"; status: number; retryAfterSeconds?: number; message?: string }
  | { kind: "slow"; delayMs: number; then?: FakeAnswer }
  | { kind: "malformed" }
  | { kind: "drop" }
  | { kind: "embeddings"; dimensions: number };

type Endpoint = "chat" | "embeddings" | "models";

/** One request the fake received. */
export interface RecordedRequest {
  endpoint: Endpoint;
  authorization: string | undefined;
  body: ChatBody & EmbeddingsBody;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: unknown; tool_calls?: unknown[] }[];
  tools?: { function: { name: string } }[];
}

interface EmbeddingsBody {
  input?: string | string[];
  encoding_format?: "float" | "base64";
}

/** A running fake server. */
export interface FakeOpenAIServer {
  /** Base URL including `/v1`, for `OPENAI_BASE_URL`. */
  url: string;
  requests: RecordedRequest[];
  /** Queues answers for the next requests to `endpoint`, in order. */
  script(endpoint: Endpoint, ...answers: FakeAnswer[]): void;
  /** Answers every request with this status until `restore` (a server that is down). */
  fail(status: number): void;
  restore(): void;
  /** The key the server accepts; any other gets 401. Undefined: every key is accepted. */
  acceptKey: string | undefined;
  /** Length of the default embedding vectors. */
  dimensions: number;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeOpenAIServer(options: { dimensions?: number } = {}): Promise<FakeOpenAIServer> {
  const queues: Record<Endpoint, FakeAnswer[]> = { chat: [], embeddings: [], models: [] };
  let down: number | undefined;
  const sockets = new Set<import("node:net").Socket>();
  const fake: FakeOpenAIServer = {
    url: "",
    requests: [],
    script: (endpoint, ...answers) => queues[endpoint].push(...answers),
    fail: (status) => {
      down = status;
    },
    restore: () => {
      down = undefined;
    },
    acceptKey: undefined,
    dimensions: options.dimensions ?? 8,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };

  const server = createServer(async (request, response) => {
    const endpoint = endpointOf(request.url ?? "");
    const body = await readBody(request);
    if (!endpoint) return send(response, 404, { error: { message: "Not found", type: "invalid_request_error" } });
    const authorization = request.headers.authorization;
    fake.requests.push({ endpoint, authorization, body });
    if (fake.acceptKey !== undefined && authorization !== `Bearer ${fake.acceptKey}`) {
      return send(response, 401, { error: { message: "Incorrect API key provided.", code: "invalid_api_key" } });
    }
    const answer: FakeAnswer | undefined =
      down !== undefined ? { kind: "status", status: down } : queues[endpoint].shift();
    await respond(response, endpoint, body, answer ?? defaultAnswer(endpoint, body, fake.dimensions));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function endpointOf(url: string): Endpoint | undefined {
  if (url.startsWith("/v1/chat/completions")) return "chat";
  if (url.startsWith("/v1/embeddings")) return "embeddings";
  if (url.startsWith("/v1/models")) return "models";
  return undefined;
}

function defaultAnswer(endpoint: Endpoint, body: ChatBody, dimensions: number): FakeAnswer {
  if (endpoint === "embeddings") return { kind: "embeddings", dimensions };
  if (endpoint === "models") return { kind: "reply", text: "" };
  const last = [...(body.messages ?? [])].reverse().find((message) => message.role !== "system");
  if (last?.role === "tool") return { kind: "reply", text: `Done: ${String(last.content)}` };
  return { kind: "reply", text: `You said: ${typeof last?.content === "string" ? last.content : "something"}` };
}

async function respond(
  response: ServerResponse,
  endpoint: Endpoint,
  body: ChatBody & EmbeddingsBody,
  answer: FakeAnswer,
) {
  switch (answer.kind) {
    case "slow":
      await new Promise((done) => setTimeout(done, answer.delayMs));
      if (response.destroyed) return;
      return respond(response, endpoint, body, answer.then ?? defaultAnswer(endpoint, body, 8));
    case "status": {
      const headers: Record<string, string> =
        answer.retryAfterSeconds === undefined ? {} : { "retry-after": String(answer.retryAfterSeconds) };
      const message = answer.message ?? `Fake status ${answer.status}`;
      return send(response, answer.status, { error: { message, type: "fake_error" } }, headers);
    }
    case "malformed":
      response.writeHead(200, { "content-type": "application/json" });
      return response.end('{"id": "chatcmpl-broken", "choices": [');
    case "drop":
      return response.socket?.destroy();
    case "embeddings":
      return send(response, 200, embeddingsBody(body, answer.dimensions));
    default:
      if (endpoint === "models") {
        return send(response, 200, { object: "list", data: [{ id: "fake-model", object: "model", owned_by: "fake" }] });
      }
      return body.stream ? streamChat(response, body, answer) : send(response, 200, chatBody(body, answer));
  }
}

function chatBody(
  body: ChatBody,
  answer: { kind: "reply"; text: string } | { kind: "tool-call"; name: string; args: Record<string, unknown> },
) {
  const message =
    answer.kind === "reply"
      ? { role: "assistant", content: answer.text }
      : { role: "assistant", content: null, tool_calls: [toolCall(answer, 0)] };
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? "fake-model",
    choices: [{ index: 0, message, finish_reason: answer.kind === "reply" ? "stop" : "tool_calls" }],
    usage: usage(body, answer.kind === "reply" ? answer.text : JSON.stringify(answer.args)),
  };
}

let callCounter = 0;

function toolCall(answer: { name: string; args: Record<string, unknown> }, index: number) {
  callCounter += 1;
  return {
    index,
    id: `call_${callCounter}`,
    type: "function",
    function: { name: answer.name, arguments: JSON.stringify(answer.args) },
  };
}

function usage(body: ChatBody, output: string) {
  const prompt_tokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
  const completion_tokens = Math.max(1, Math.ceil(output.length / 4));
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

function streamChat(response: ServerResponse, body: ChatBody, answer: FakeAnswer) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model ?? "fake-model" };
  const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    response.write(`data: ${JSON.stringify({ ...base, choices, ...extra })}\n\n`);
  let output = "";
  if (answer.kind === "reply") {
    event([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]);
    for (const piece of answer.text.match(/\S+\s*/g) ?? []) {
      output += piece;
      event([{ index: 0, delta: { content: piece }, finish_reason: null }]);
    }
    event([{ index: 0, delta: {}, finish_reason: "stop" }]);
  } else if (answer.kind === "tool-call") {
    const call = toolCall(answer, 0);
    output = call.function.arguments;
    const opening = { ...call, function: { name: call.function.name, arguments: "" } };
    event([{ index: 0, delta: { role: "assistant", content: null, tool_calls: [opening] }, finish_reason: null }]);
    event([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: output } }] }, finish_reason: null }]);
    event([{ index: 0, delta: {}, finish_reason: "tool_calls" }]);
  }
  if (body.stream_options?.include_usage) event([], { usage: usage(body, output) });
  response.end("data: [DONE]\n\n");
}

function embeddingsBody(body: EmbeddingsBody, dimensions: number) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ""];
  return {
    object: "list",
    model: "fake-embedding",
    data: inputs.map((text, index) => {
      const vector = vectorOf(String(text), dimensions);
      // Like OpenAI: base64 of little-endian float32 when asked (the openai client asks by default).
      const embedding =
        body.encoding_format === "base64" ? Buffer.from(Float32Array.from(vector).buffer).toString("base64") : vector;
      return { object: "embedding", index, embedding };
    }),
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  };
}

/** A deterministic unit vector for `text`: texts sharing words point the same way. */
function vectorOf(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? ["empty"]) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function readBody(request: IncomingMessage): Promise<ChatBody & EmbeddingsBody> {
  return new Promise((done) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      try {
        done(raw ? JSON.parse(raw) : {});
      } catch {
        done({});
      }
    });
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}
