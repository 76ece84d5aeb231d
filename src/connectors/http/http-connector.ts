import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { InboundMessage } from "../../messages/index.js";
import type { OutboundMessage } from "../../plugins/index.js";
import { cleanIdentity, cleanMessageText, MAX_NAME_LENGTH } from "../clean-identity.js";
import {
  CONNECTOR_API_VERSION,
  type ConnectedAgent,
  type Connector,
  type ConnectorHost,
  type ConnectorReply,
} from "../connector.js";
import { badRequest, errorSchema, requireJsonBody, validationHook } from "./api-validation.js";

// Cleaned before the length check: control characters and invisible overrides do not count, nor pass.
const userSchema = z
  .string()
  .max(1000)
  .transform((user) => cleanIdentity(user, MAX_NAME_LENGTH))
  .pipe(z.string().min(1, "must name someone (1-64 characters)"));
const messageBodySchema = z
  .object({ user: userSchema, text: z.string().max(1_000_000).transform(cleanMessageText) })
  .openapi("MessageBody");
/** Longest `wait` accepted, in seconds: a client polls again after it. */
const MAX_WAIT_SECONDS = 60;
const collectQuerySchema = z.object({
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_WAIT_SECONDS)
    .default(0)
    .openapi({ description: "Seconds to wait for a first message (0-60)." }),
});
/** `:name` in a path: a character's name, URL-encoded, matched ignoring case. */
export const agentParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "name", in: "path" }, example: "Juno" }),
});
const replySchema = z
  .object({
    reply: z.string().nullable(),
    actions: z.array(z.unknown()),
    traceId: z.string().nullable(),
  })
  .openapi("Reply");
const agentErrors = {
  404: {
    description: "No agent of that name; `agents` lists the names there are.",
    content: { "application/json": { schema: errorSchema.extend({ agents: z.array(z.string()).optional() }) } },
  },
  503: { description: "The HTTP connector is not running.", content: { "application/json": { schema: errorSchema } } },
};

const messageRoute = createRoute({
  method: "post",
  path: "/agents/{name}/messages",
  summary: "Send a message as a user; get the reply as JSON, or streamed as server-sent events",
  description:
    "With `Accept: text/event-stream` the reply streams: `event: delta` (`{ text }`) as the model writes, then `event: done` (`{ reply, actions, traceId }`), or `event: error` (`{ error }`).",
  middleware: [requireJsonBody('{"user": "…", "text": "…"}')],
  request: {
    params: agentParamsSchema,
    body: { required: true, content: { "application/json": { schema: messageBodySchema } } },
  },
  responses: {
    200: {
      description: "The reply (null when the agent stays silent)",
      content: { "application/json": { schema: replySchema }, "text/event-stream": { schema: z.string() } },
    },
    ...badRequest,
    ...agentErrors,
    409: { description: "The agent is paused.", content: { "application/json": { schema: errorSchema } } },
  },
});

const collectRoute = createRoute({
  method: "get",
  path: "/agents/{name}/users/{user}/messages",
  summary: "Collect the messages the agent started on its own for a user (reminders), waiting up to `wait` seconds",
  request: { params: agentParamsSchema.extend({ user: userSchema }), query: collectQuerySchema },
  responses: {
    200: {
      description: "The messages waiting for the user",
      content: {
        "application/json": {
          schema: z.object({ messages: z.array(z.object({ text: z.string(), source: z.string().nullable() })) }),
        },
      },
    },
    ...badRequest,
    ...agentErrors,
  },
});

/** A user's request for the proactive messages waiting for them, while it is open. */
interface Collector {
  agent: string;
  room: string;
  messages: OutboundMessage[];
  /** Ends an open wait early (a message arrived, the connector stopped). */
  wake?: () => void;
}

/**
 * The HTTP connector: each user of the API has a direct room per agent
 * (`http:<user>`; the name cleaned of control and invisible characters and
 * cut to 64 characters). It answers messages with the reply, and hands the user
 * the messages an agent started on its own when they come to collect them;
 * a message counts as delivered only once a request has taken it, so a
 * reminder nobody collects stays pending. It serves routes (`routes`) that
 * the HTTP server mounts: the server owns the port, `/health` and the rest.
 *
 * Routes (described in the server's OpenAPI document):
 * - `POST /agents/:name/messages` with `{ user, text }` → `{ reply, actions, traceId }`, or with
 *   `Accept: text/event-stream` the reply streamed as server-sent events; 409 while the agent is paused.
 * - `GET /agents/:name/users/:user/messages?wait=<seconds>` → `{ messages: [{ text, source }] }`:
 *   the proactive messages waiting for the user, waiting up to `wait` seconds (0–60, default 0) for one.
 *
 * `:name` is the character's name, URL-encoded, matched ignoring case.
 */
export class HttpConnector implements Connector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "http";
  /** The routes to mount on the HTTP server. They answer 503 while the connector is not started. */
  readonly routes: OpenAPIHono;
  private host: ConnectorHost | undefined;
  private url: string | undefined;
  private readonly collectors = new Set<Collector>();

  constructor() {
    this.routes = this.createRoutes();
  }

  async start(host: ConnectorHost): Promise<void> {
    this.host = host;
  }

  async stop(): Promise<void> {
    this.host = undefined;
    for (const collector of this.collectors) collector.wake?.();
  }

  /** Hands the message to an open request of its user; false when none is open (the sender keeps it). */
  async deliver(message: OutboundMessage): Promise<boolean> {
    if (message.platform !== this.platform || !this.host) return false;
    for (const collector of this.collectors) {
      if (collector.agent !== message.agent || collector.room !== message.room.id) continue;
      collector.messages.push(message);
      collector.wake?.();
      return true;
    }
    return false;
  }

  connectedAs(): string | undefined {
    return this.host ? this.url : undefined;
  }

  /** The server says where it serves the routes, for `connectedAs`. */
  servedAt(url: string): void {
    this.url = url;
  }

  private createRoutes(): OpenAPIHono {
    // One app per route: each answers bad input in its own words (`defaultHook`), and they merge into `routes`.
    const messages = new OpenAPIHono({ defaultHook: validationHook('{"user": "…", "text": "…"}') });
    messages.openapi(messageRoute, async (c) => {
      const agent = this.findAgent(c.req.valid("param").name);
      if ("error" in agent) return agent.status === 404 ? c.json(agent.error, 404) : c.json(agent.error, 503);
      if (agent.found.paused) return c.json({ error: `${agent.found.name} is paused.` }, 409);
      const { user, text } = c.req.valid("json");
      if (wantsEventStream(c)) return streamReply(c, agent.found, httpMessage(user, text));
      return c.json(replyBody(await agent.found.handle(httpMessage(user, text))), 200);
    });

    const collect = new OpenAPIHono({
      defaultHook: (result, c) => {
        if (result.success) return undefined;
        if (result.target === "query") {
          return c.json({ error: `wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS}.` }, 400);
        }
        return c.json({ error: "The user in the path must name someone (1-64 characters)." }, 400);
      },
    });
    collect.openapi(collectRoute, async (c) => {
      const agent = this.findAgent(c.req.valid("param").name);
      if ("error" in agent) return agent.status === 404 ? c.json(agent.error, 404) : c.json(agent.error, 503);
      const { user } = c.req.valid("param");
      const waiting = await this.collect(agent.found, user, c.req.valid("query").wait * 1000);
      const shown = waiting.map((message) => ({ text: message.text, source: message.source ?? null }));
      return c.json({ messages: shown }, 200);
    });

    return new OpenAPIHono().route("/", messages).route("/", collect);
  }

  /** Asks the agent to offer what it holds for the user, and waits up to `waitMs` for a first message. */
  private async collect(agent: ConnectedAgent, user: string, waitMs: number): Promise<OutboundMessage[]> {
    const collector: Collector = { agent: agent.name, room: httpMessage(user, "").room.id, messages: [] };
    this.collectors.add(collector);
    try {
      await agent.redeliver();
      if (collector.messages.length === 0 && waitMs > 0 && this.host) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          collector.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return collector.messages;
    } finally {
      this.collectors.delete(collector);
    }
  }

  private findAgent(
    name: string,
  ): { found: ConnectedAgent } | { error: { error: string; agents?: string[] }; status: 404 | 503 } {
    const host = this.host;
    if (!host) return { error: { error: "The HTTP connector is not running." }, status: 503 };
    const wanted = name.toLowerCase();
    const found = host.agents.find((agent) => agent.name.toLowerCase() === wanted);
    if (found) return { found };
    return { error: { error: `No agent named ${name}.`, agents: host.agents.map((known) => known.name) }, status: 404 };
  }
}

/** A new HTTP connector; mount its `routes` on the server and `troupe.connect` it. */
export function createHttpConnector(): HttpConnector {
  return new HttpConnector();
}

function replyBody(reply: ConnectorReply | undefined) {
  return { reply: reply?.text ?? null, actions: reply?.actions ?? [], traceId: reply?.traceId ?? null };
}

function wantsEventStream(c: Context): boolean {
  return (c.req.header("accept") ?? "").toLowerCase().includes("text/event-stream");
}

/**
 * The reply as server-sent events: `delta` for each piece of text as the
 * model writes it (the whole reply in one piece when it came without the
 * model, from an action or a plugin), then `done` with the reply as JSON
 * answers it, or `error`.
 */
function streamReply(c: Context, agent: ConnectedAgent, message: InboundMessage): Response {
  return streamSSE(c, async (stream) => {
    const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
    let streamed = false;
    try {
      const reply = await agent.handle(message, {
        onToken: (token) => {
          streamed = true;
          void send("delta", { text: token });
        },
      });
      if (!streamed && reply?.text) await send("delta", { text: reply.text });
      await send("done", replyBody(reply));
    } catch (error) {
      await send("error", { error: error instanceof Error ? error.message : String(error) });
    }
  });
}

function httpMessage(user: string, text: string): InboundMessage {
  return {
    platform: "http",
    room: { id: `http:${user}`, kind: "direct" },
    user: { id: `http:${user}`, name: user },
    text,
  };
}
