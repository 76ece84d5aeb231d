/**
 * A fake X API v2 on 127.0.0.1 for tests, enough for a mentions bot:
 * `GET /2/users/me`, `GET /2/users/:id/mentions` (with `since_id` and
 * `max_results`, newest first, only the fields asked for) and `POST /2/tweets`
 * (280 weighted characters, duplicate text refused with 403). Every answer
 * carries `x-rate-limit-*` headers from a per-endpoint window; answers can be
 * scripted (a 429 with a reset a second away, a 403 error 226). It checks that
 * calls are signed (`OAuth …` or `Bearer …`), not the signature itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twitterText from "twitter-text";

export type XEndpoint = "me" | "mentions" | "tweets";

/** A post the fake knows: a mention someone wrote, or a post the bot made. */
export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  conversation_id: string;
  created_at: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: "replied_to"; id: string }[];
  entities?: { mentions: { start: number; end: number; username: string; id: string }[] };
}

/** One request the fake received. */
export interface XRequest {
  endpoint: XEndpoint;
  method: string;
  query: Record<string, string>;
  authorization: string;
  body?: { text?: string; reply?: { in_reply_to_tweet_id?: string } };
  /** When it arrived, ms since the epoch. */
  at: number;
  /** The status it was answered with. */
  status?: number;
}

/** A scripted answer: a status with a body and, for a 429, when the window resets. */
export interface XScriptedAnswer {
  status: number;
  body: unknown;
  resetInSeconds?: number;
}

export interface FakeXApi {
  /** Base URL without a path, for `TWITTER_API_BASE`. */
  url: string;
  /** The bot's account, as `GET /2/users/me` answers it. */
  me: { id: string; username: string; name: string };
  requests: XRequest[];
  /** Posts the bot made, in order (`replyTo` is `reply.in_reply_to_tweet_id`). */
  posts: { id: string; text: string; replyTo?: string }[];
  /** Adds a post mentioning the bot (by default `@testbot <text>` from @alice, its own conversation); returns it. */
  mention(options: {
    text: string;
    username?: string;
    conversationId?: string;
    inReplyTo?: { tweetId: string; userId: string };
  }): FakeTweet;
  /** Queues answers for the next requests to `endpoint`, in order. */
  script(endpoint: XEndpoint, ...answers: XScriptedAnswer[]): void;
  /** Sets an endpoint's rate-limit window. */
  setWindow(endpoint: XEndpoint, window: { remaining: number; resetInSeconds: number }): void;
  /** While true, every call gets 401 (a revoked or wrong key). */
  rejectAuth: boolean;
  /** While true, `since_id` is ignored: the same mentions come back on every poll. */
  ignoreSinceId: boolean;
  /** Awaited after a post is stored and before it is answered (a test can kill the caller in between). */
  beforePostAnswer?: (post: { id: string; text: string }) => Promise<void>;
  close(): Promise<void>;
}

const LIMITS: Record<XEndpoint, number> = { me: 75, mentions: 75, tweets: 100 };

/** The 429 body X v2 sends. */
export const TOO_MANY_REQUESTS = {
  title: "Too Many Requests",
  detail: "Too Many Requests",
  type: "about:blank",
  status: 429,
};
/** X's answer to a post it takes for automation (error 226). */
export const LOOKS_AUTOMATED = {
  errors: [
    {
      code: 226,
      message:
        "This request looks like it might be automated. To protect our users from spam and other malicious activity, we can't complete this action right now.",
    },
  ],
};

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeXApi(): Promise<FakeXApi> {
  const me = { id: "1500000000000000001", username: "testbot", name: "Test Bot" };
  const users = new Map<string, { id: string; name: string; username: string }>();
  const tweets: FakeTweet[] = [];
  const scripts: Record<XEndpoint, XScriptedAnswer[]> = { me: [], mentions: [], tweets: [] };
  const windows = new Map<XEndpoint, { remaining: number; reset: number }>();
  let nextId = 1800000000000000000n;
  let nextUser = 2244994945n;

  const window = (endpoint: XEndpoint) => {
    const now = Math.floor(Date.now() / 1000);
    let current = windows.get(endpoint);
    if (!current || current.reset <= now) current = { remaining: LIMITS[endpoint], reset: now + 900 };
    windows.set(endpoint, current);
    return current;
  };

  const fake: FakeXApi = {
    url: "",
    me,
    requests: [],
    posts: [],
    rejectAuth: false,
    ignoreSinceId: false,
    mention({ text, username = "alice", conversationId, inReplyTo }) {
      let user = username === me.username ? me : [...users.values()].find((known) => known.username === username);
      if (!user) {
        user = { id: String(nextUser++), name: username[0]?.toUpperCase() + username.slice(1), username };
        users.set(user.id, user);
      }
      const id = String(nextId++);
      const full = text.includes(`@${me.username}`) ? text : `@${me.username} ${text}`;
      const tweet: FakeTweet = {
        id,
        text: full,
        author_id: user.id,
        conversation_id: conversationId ?? id,
        created_at: new Date().toISOString(),
        entities: { mentions: mentionEntities(full, me) },
        ...(inReplyTo
          ? {
              in_reply_to_user_id: inReplyTo.userId,
              referenced_tweets: [{ type: "replied_to", id: inReplyTo.tweetId }],
            }
          : {}),
      };
      tweets.push(tweet);
      return tweet;
    },
    script(endpoint, ...answers) {
      scripts[endpoint].push(...answers);
    },
    setWindow(endpoint, { remaining, resetInSeconds }) {
      windows.set(endpoint, { remaining, reset: Math.floor(Date.now() / 1000) + resetInSeconds });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const send = (response: ServerResponse, endpoint: XEndpoint, status: number, body: unknown, reset?: number) => {
    const current = window(endpoint);
    const request = fake.requests.at(-1);
    if (request) request.status = status;
    if (status !== 429) current.remaining = Math.max(0, current.remaining - 1);
    else current.remaining = 0;
    if (reset !== undefined) current.reset = reset;
    response.writeHead(status, {
      "content-type": "application/json",
      "x-rate-limit-limit": String(LIMITS[endpoint]),
      "x-rate-limit-remaining": String(current.remaining),
      "x-rate-limit-reset": String(current.reset),
    });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const endpoint = endpointOf(request.method ?? "GET", url.pathname);
    if (!endpoint) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ title: "Not Found Error", detail: `No route ${url.pathname}`, status: 404 }));
      return;
    }
    const raw = await readBody(request);
    const authorization = request.headers.authorization ?? "";
    fake.requests.push({
      endpoint,
      method: request.method ?? "GET",
      query: Object.fromEntries(url.searchParams),
      authorization,
      body: raw ? JSON.parse(raw) : undefined,
      at: Date.now(),
    });
    if (fake.rejectAuth || !/^(OAuth |Bearer )/.test(authorization)) {
      send(response, endpoint, 401, {
        title: "Unauthorized",
        type: "about:blank",
        status: 401,
        detail: "Unauthorized",
      });
      return;
    }
    const spent = windows.get(endpoint);
    if (spent && spent.remaining <= 0 && spent.reset > Date.now() / 1000) {
      // What X does to a client that calls into a spent window.
      send(response, endpoint, 429, TOO_MANY_REQUESTS);
      return;
    }
    const scripted = scripts[endpoint].shift();
    if (scripted) {
      const reset =
        scripted.resetInSeconds === undefined ? undefined : Math.floor(Date.now() / 1000) + scripted.resetInSeconds;
      send(response, endpoint, scripted.status, scripted.body, reset);
      return;
    }
    if (endpoint === "me") send(response, endpoint, 200, { data: me });
    else if (endpoint === "mentions") answerMentions(url.searchParams, response);
    else await answerPost(raw, response);
  };

  const answerMentions = (query: URLSearchParams, response: ServerResponse) => {
    const max = Number(query.get("max_results") ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) {
      send(response, "mentions", 400, invalidRequest("max_results", `${max} is not between 5 and 100`));
      return;
    }
    const since = query.get("since_id");
    const fields = new Set((query.get("tweet.fields") ?? "").split(",").filter(Boolean));
    const found = tweets
      .filter((tweet) => tweet.author_id !== me.id || tweet.text.includes(`@${me.username}`))
      .filter((tweet) => tweet.entities?.mentions.some((mention) => mention.id === me.id))
      .filter((tweet) => fake.ignoreSinceId || !since || BigInt(tweet.id) > BigInt(since))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, max);
    if (found.length === 0) {
      send(response, "mentions", 200, { meta: { result_count: 0 } });
      return;
    }
    const data = found.map((tweet) => {
      const shown: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
      if (query.get("expansions")?.includes("author_id")) shown.author_id = tweet.author_id;
      for (const field of ["created_at", "conversation_id", "entities", "in_reply_to_user_id", "referenced_tweets"]) {
        const value = tweet[field as keyof FakeTweet];
        if (fields.has(field) && value !== undefined) shown[field] = value;
      }
      return shown;
    });
    const authors = [...new Set(found.map((tweet) => tweet.author_id))].flatMap((id) => {
      const user = users.get(id) ?? (id === me.id ? me : undefined);
      return user ? [user] : [];
    });
    send(response, "mentions", 200, {
      data,
      ...(query.get("expansions")?.includes("author_id") ? { includes: { users: authors } } : {}),
      meta: { result_count: found.length, newest_id: found[0]?.id, oldest_id: found.at(-1)?.id },
    });
  };

  const answerPost = async (raw: string, response: ServerResponse) => {
    const body = (raw ? JSON.parse(raw) : {}) as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    if (typeof body.text !== "string" || body.text.length === 0) {
      send(response, "tweets", 400, invalidRequest("text", "text is required"));
      return;
    }
    if (twitterText.parseTweet(body.text).weightedLength > 280) {
      send(response, "tweets", 400, invalidRequest("text", "Your Tweet text is too long."));
      return;
    }
    if (fake.posts.some((post) => post.text === body.text)) {
      send(response, "tweets", 403, {
        detail: "You are not allowed to create a Tweet with duplicate content.",
        type: "about:blank",
        title: "Forbidden",
        status: 403,
      });
      return;
    }
    const id = String(nextId++);
    const replyTo = body.reply?.in_reply_to_tweet_id;
    fake.posts.push({ id, text: body.text, ...(replyTo ? { replyTo } : {}) });
    const parent = tweets.find((tweet) => tweet.id === replyTo);
    tweets.push({
      id,
      text: body.text,
      author_id: me.id,
      conversation_id: parent?.conversation_id ?? id,
      created_at: new Date().toISOString(),
      entities: { mentions: mentionEntities(body.text, me) },
    });
    await fake.beforePostAnswer?.({ id, text: body.text });
    send(response, "tweets", 201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ title: "Internal", detail: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function endpointOf(method: string, path: string): XEndpoint | undefined {
  if (method === "GET" && path === "/2/users/me") return "me";
  if (method === "GET" && /^\/2\/users\/\d+\/mentions$/.test(path)) return "mentions";
  if (method === "POST" && path === "/2/tweets") return "tweets";
  return undefined;
}

function mentionEntities(text: string, me: { id: string; username: string }) {
  return [...text.matchAll(/@(\w{1,15})/g)]
    .filter((match) => match[1]?.toLowerCase() === me.username)
    .map((match) => ({ start: match.index, end: match.index + match[0].length, username: me.username, id: me.id }));
}

function invalidRequest(parameter: string, message: string) {
  return {
    errors: [{ parameters: { [parameter]: [] }, message }],
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: "https://api.twitter.com/2/problems/invalid-request",
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}
