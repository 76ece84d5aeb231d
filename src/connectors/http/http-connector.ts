import { Hono } from "hono";
import { z } from "zod";
import type { InboundMessage } from "../../messages/index.js";
import type { OutboundMessage } from "../../plugins/index.js";
import { cleanIdentity, cleanMessageText, MAX_NAME_LENGTH } from "../clean-identity.js";
import { CONNECTOR_API_VERSION, type ConnectedAgent, type Connector, type ConnectorHost } from "../connector.js";

// Cleaned before the length check: control characters and invisible overrides do not count, nor pass.
const userSchema = z
  .string()
  .max(1000)
  .transform((user) => cleanIdentity(user, MAX_NAME_LENGTH))
  .pipe(z.string().min(1));
const messageBodySchema = z.object({ user: userSchema, text: z.string().max(1_000_000).transform(cleanMessageText) });
const collectQuerySchema = z.object({
  wait: z.coerce.number().int().min(0).max(60).default(0),
});
/** Longest `wait` accepted, in seconds: a client polls again after it. */
const MAX_WAIT_SECONDS = 60;

/** A user's request for the proactive messages waiting for them, while it is open. */
interface Collector {
  agent: string;
  room: string;
  messages: OutboundMessage[];
  /** Ends an open wait early (a message arrived, the connector stopped). */
  wake?: () => void;
}

/** What a message body looks like, for error answers. */
const BODY_SHAPE = '{"user": "…", "text": "…"}';
/** Marks a body that did not parse as JSON (null is valid JSON, so it cannot mark it). */
const NOT_JSON = Symbol("not JSON");

/**
 * The HTTP connector: each user of the API has a direct room per agent
 * (`http:<user>`; the name cleaned of control and invisible characters and
 * cut to 64 characters). It answers messages with the reply, and hands the user
 * the messages an agent started on its own when they come to collect them;
 * a message counts as delivered only once a request has taken it, so a
 * reminder nobody collects stays pending. It serves routes (`routes`) that
 * the HTTP server mounts: the server owns the port, `/health` and the rest.
 *
 * Routes:
 * - `POST /agents/:name/messages` with `{ user, text }` → `{ reply, actions, traceId }` (`GET /traces/:traceId`).
 * - `GET /agents/:name/users/:user/messages?wait=<seconds>` → `{ messages: [{ text, source }] }`:
 *   the proactive messages waiting for the user, waiting up to `wait` seconds (0–60, default 0) for one.
 *
 * `:name` is the character's name, URL-encoded, matched ignoring case.
 */
export class HttpConnector implements Connector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "http";
  /** The routes to mount on the HTTP server. They answer 503 while the connector is not started. */
  readonly routes: Hono;
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

  private createRoutes(): Hono {
    const routes = new Hono();

    routes.post("/agents/:name/messages", async (c) => {
      const agent = this.findAgent(c.req.param("name"));
      if ("error" in agent) return c.json(agent.error, agent.status);
      const json: unknown = await c.req.json().catch(() => NOT_JSON);
      if (json === NOT_JSON) return c.json({ error: `The body must be JSON: ${BODY_SHAPE}.` }, 400);
      const body = messageBodySchema.safeParse(json);
      if (!body.success) {
        const issue = body.error.issues[0];
        const field = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        return c.json({ error: `${field}${issue?.message}. Expected ${BODY_SHAPE}.`, issues: body.error.issues }, 400);
      }
      const { user, text } = body.data;
      const reply = await agent.found.handle(httpMessage(user, text));
      return c.json({ reply: reply?.text ?? null, actions: reply?.actions ?? [], traceId: reply?.traceId ?? null });
    });

    routes.get("/agents/:name/users/:user/messages", async (c) => {
      const agent = this.findAgent(c.req.param("name"));
      if ("error" in agent) return c.json(agent.error, agent.status);
      const user = userSchema.safeParse(c.req.param("user"));
      if (!user.success) return c.json({ error: "The user in the path must name someone (1-64 characters)." }, 400);
      const query = collectQuerySchema.safeParse(c.req.query());
      if (!query.success) {
        return c.json({ error: `wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS}.` }, 400);
      }
      const messages = await this.collect(agent.found, user.data, query.data.wait * 1000);
      return c.json({ messages: messages.map((message) => ({ text: message.text, source: message.source ?? null })) });
    });

    return routes;
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

function httpMessage(user: string, text: string): InboundMessage {
  return {
    platform: "http",
    room: { id: `http:${user}`, kind: "direct" },
    user: { id: `http:${user}`, name: user },
    text,
  };
}
