/**
 * A fake Discord on 127.0.0.1 for tests: REST v10 over HTTP and the gateway
 * v10 over WebSocket, enough for real discord.js to log in, receive guild,
 * thread and DM messages and slash commands, and answer them. It keeps what
 * bots sent, mirrors Discord's rules (2,000-character limit, rate-limit
 * headers and 429s, `allowed_mentions`, `enforce_nonce`, the MessageContent
 * intent hiding content) and lets a test inject failures: scripted 429s,
 * 5xx and 403s, a rejected token, dropped gateway connections.
 *
 * discord.js reaches it through `rest.api` (`DISCORD_API_URL` = `apiUrl`);
 * the gateway URL comes from `GET /gateway/bot`, as with the real Discord.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeBot, FakeGateway, type GatewaySession, INTENTS } from "./discord-gateway.js";
import {
  channelJson,
  type FakeChannel,
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  messageJson,
  userJson,
} from "./discord-payloads.js";
import { nextSnowflake } from "./snowflake.js";

export type { FakeBot, FakeChannel, FakeGuild, FakeMessage, FakeUser };

/** A message a bot created through REST, with the body it sent. */
export interface SentMessage {
  bot: FakeUser;
  channelId: string;
  body: MessageBody;
  message: FakeMessage;
}

/** A scripted answer to the next `POST /channels/:id/messages` (any channel). */
export type InjectedFailure =
  | { status: 429; retryAfterSeconds: number; global?: boolean }
  | { status: 403 | 500 | 502 }
  /** The message is created and dispatched, but the answer is a 500: a response lost on the way back. */
  | { status: 500; afterCreating: true };

/** One request the fake answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

/** What bots sent to answer one interaction: the callback, then edits and follow-ups. */
export interface InteractionAnswer {
  interactionId: string;
  kind: "callback" | "edit" | "followup";
  body: { type?: number; content?: string; data?: { content?: string; flags?: number }; flags?: number };
}

interface MessageBody {
  content?: string;
  nonce?: string;
  enforce_nonce?: boolean;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

const MAX_CONTENT = 2_000;

/** Writes one JSON answer (no body for 204) and records it. */
type Answer = (status: number, json?: unknown, headers?: Record<string, string>) => undefined;

export class FakeDiscord {
  readonly gateway: FakeGateway;
  readonly bots: FakeBot[] = [];
  readonly users: FakeUser[] = [];
  readonly guilds: FakeGuild[] = [];
  /** The guild every bot is in, with a `general` channel and a thread off it. */
  readonly guild: FakeGuild;
  readonly general: FakeChannel;
  readonly thread: FakeChannel;
  readonly sent: SentMessage[] = [];
  readonly typing: { bot: FakeUser; channelId: string }[] = [];
  readonly requests: RecordedRequest[] = [];
  /** `PUT /applications/:id/commands` bodies, by application id. */
  readonly commands = new Map<string, { name: string; description: string; options?: unknown[] }[]>();
  readonly interactionAnswers: InteractionAnswer[] = [];
  /** `PATCH …/messages/:id` edits, in order; the stored message takes the new content. */
  readonly edits: { messageId: string; content: string }[] = [];
  /** The `POST …/messages` bucket: `limit` sends per `windowMs` per bot and channel, announced in the headers. */
  bucket = { limit: 50, windowMs: 1_000 };
  /** Shards `GET /gateway/bot` recommends. */
  recommendedShards = 1;
  /** `session_start_limit.max_concurrency`: how many shards may identify at once. */
  maxConcurrency = 1;
  private readonly channels = new Map<string, FakeChannel>();
  private readonly messages = new Map<string, FakeMessage>();
  private readonly failures: InjectedFailure[] = [];
  private readonly forbidden = new Set<string>();
  private readonly buckets = new Map<string, { used: number; resetAt: number }>();
  private readonly interactions = new Map<string, { token: string; channel: FakeChannel; bot: FakeBot }>();
  private readonly server = createServer((request, response) => void this.route(request, response));
  private base = "";

  private constructor() {
    this.gateway = new FakeGateway(
      () => this.bots,
      () => this.guilds,
      () => `${this.base.replace(/^http/, "ws")}/resume`,
    );
    this.guild = this.addGuild("Troupe test guild");
    this.general = this.addChannel(this.guild, "general");
    this.thread = this.addThread(this.general, "a-thread");
    this.server.on("upgrade", (request, socket, head) => {
      if (/^\/(gateway|resume)(\?|$)/.test(request.url ?? "")) this.gateway.upgrade(request, socket, head);
      else socket.destroy();
    });
  }

  /** Starts a fake Discord on 127.0.0.1 on a free port. */
  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The REST base for discord.js's `rest.api` and `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `${this.base}/api`;
  }

  /** Registers a bot account; its token is accepted from now on. */
  addBot(username: string, options: { messageContentEnabled?: boolean } = {}): FakeBot {
    const bot: FakeBot = {
      token: `fake-token-${username}-${nextSnowflake()}`,
      user: { id: nextSnowflake(), username, bot: true },
      applicationId: nextSnowflake(),
      messageContentEnabled: options.messageContentEnabled ?? true,
    };
    this.bots.push(bot);
    return bot;
  }

  addUser(username: string, options: { bot?: boolean } = {}): FakeUser {
    const user = { id: nextSnowflake(), username, bot: options.bot };
    this.users.push(user);
    return user;
  }

  addGuild(name: string): FakeGuild {
    const guild = { id: nextSnowflake(), name, channels: [] };
    this.guilds.push(guild);
    return guild;
  }

  addChannel(guild: FakeGuild, name: string): FakeChannel {
    const channel: FakeChannel = { id: nextSnowflake(), type: 0, name, guildId: guild.id };
    guild.channels.push(channel);
    this.channels.set(channel.id, channel);
    return channel;
  }

  addThread(parent: FakeChannel, name: string): FakeChannel {
    const thread: FakeChannel = { id: nextSnowflake(), type: 11, name, guildId: parent.guildId, parentId: parent.id };
    this.guilds.find((guild) => guild.id === parent.guildId)?.channels.push(thread);
    this.channels.set(thread.id, thread);
    return thread;
  }

  /** The DM channel between a user and a bot (created on first use, as Discord does). */
  dm(user: FakeUser, bot: FakeBot): FakeChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === 1 && channel.recipients?.some((end) => end.id === user.id)) {
        if (channel.recipients.some((end) => end.id === bot.user.id)) return channel;
      }
    }
    const channel: FakeChannel = { id: nextSnowflake(), type: 1, recipients: [user, bot.user] };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A user writes in a channel (mentions in the text are parsed as Discord does); every bot that sees it gets MESSAGE_CREATE. */
  say(author: FakeUser, channel: FakeChannel, content: string, options: { replyTo?: FakeMessage } = {}): FakeMessage {
    const message = this.create(author, channel, content, { referenced: options.replyTo });
    this.broadcast(message);
    return message;
  }

  /** Delivers a message again, as Discord may after a reconnect: a new MESSAGE_CREATE with the same id. */
  redeliver(message: FakeMessage): void {
    this.broadcast(message);
  }

  /** A user runs a slash command of `bot`'s application; the bot gets INTERACTION_CREATE. */
  slash(
    user: FakeUser,
    channel: FakeChannel,
    bot: FakeBot,
    name: string,
    options: Record<string, string> = {},
  ): string {
    const id = nextSnowflake();
    const token = `interaction-token-${id}`;
    this.interactions.set(id, { token, channel, bot });
    const who = channel.guildId
      ? {
          member: {
            user: userJson(user),
            roles: [],
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
            permissions: "2248473465835073",
          },
        }
      : { user: userJson(user) };
    this.gateway.dispatch(
      "INTERACTION_CREATE",
      () => ({
        id,
        application_id: bot.applicationId,
        type: 2,
        token,
        version: 1,
        data: {
          id: nextSnowflake(),
          name,
          type: 1,
          options: Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: 3, value })),
        },
        channel_id: channel.id,
        channel: channelJson(channel),
        ...(channel.guildId ? { guild_id: channel.guildId, guild_locale: "en-US" } : {}),
        ...who,
        app_permissions: "2248473465835073",
        locale: "en-US",
        entitlements: [],
        authorizing_integration_owners: {},
        context: channel.guildId ? 0 : 1,
      }),
      (session) => session.bot === bot && this.gateway.carries(session, channel.guildId),
    );
    return id;
  }

  /** The next `POST …/messages` answers get these statuses instead, in order. */
  failNext(...failures: InjectedFailure[]): void {
    this.failures.push(...failures);
  }

  /** Every send to this channel gets 403 Missing Permissions (the bot was kicked or muted there). */
  forbid(channel: FakeChannel): void {
    this.forbidden.add(channel.id);
  }

  /** How many 429s the fake answered. */
  get rateLimited(): number {
    return this.requests.filter((request) => request.status === 429).length;
  }

  /** Resolves once `check` returns true; rejects after `timeoutMs` with `what` in the message. */
  async waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`the fake Discord waited ${timeoutMs} ms for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private create(
    author: FakeUser,
    channel: FakeChannel,
    content: string,
    options: { referenced?: FakeMessage; allowed?: MessageBody["allowed_mentions"]; nonce?: string },
  ): FakeMessage {
    const allowed = options.allowed;
    const parse = allowed?.parse ?? ["users", "roles", "everyone"];
    const everyone = /@(everyone|here)\b/.test(content) && parse.includes("everyone");
    const mentioned = [...content.matchAll(/<@!?(\d+)>/g)]
      .map((match) => this.person(match[1] as string))
      .filter((user): user is FakeUser => user !== undefined)
      .filter((user) => parse.includes("users") || (allowed?.users ?? []).includes(user.id));
    const repliedTo = options.referenced?.author;
    if (repliedTo && allowed?.replied_user !== false && !mentioned.some((user) => user.id === repliedTo.id)) {
      mentioned.push(repliedTo);
    }
    const roles = [...content.matchAll(/<@&(\d+)>/g)]
      .map((match) => match[1] as string)
      .filter((role) => parse.includes("roles") || (allowed?.roles ?? []).includes(role));
    const message: FakeMessage = {
      id: nextSnowflake(),
      channel,
      author,
      content,
      mentions: mentioned,
      mentionRoles: roles,
      mentionEveryone: everyone,
      referenced: options.referenced,
      nonce: options.nonce,
      timestamp: new Date().toISOString(),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private person(id: string): FakeUser | undefined {
    return this.users.find((user) => user.id === id) ?? this.bots.find((bot) => bot.user.id === id)?.user;
  }

  /** MESSAGE_CREATE to every session that can see the channel, content blanked as the intents say. */
  private broadcast(message: FakeMessage): void {
    const { channel } = message;
    const sees = (session: GatewaySession) => {
      if (channel.type === 1) {
        return (
          (session.intents & INTENTS.directMessages) !== 0 &&
          channel.recipients?.some((end) => end.id === session.bot.user.id) === true &&
          this.gateway.carries(session, undefined)
        );
      }
      return (session.intents & INTENTS.guildMessages) !== 0 && this.gateway.carries(session, channel.guildId);
    };
    this.gateway.dispatch(
      "MESSAGE_CREATE",
      (session) => {
        const me = session.bot.user.id;
        const visible =
          (session.intents & INTENTS.messageContent) !== 0 ||
          channel.type === 1 ||
          message.author.id === me ||
          message.mentions.some((user) => user.id === me);
        return messageJson(message, !visible);
      },
      sees,
    );
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<undefined> {
    const url = new URL(request.url ?? "/", this.base);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const body = await readBody(request);
    const answer: Answer = (status, json, headers = {}) => {
      this.requests.push({ method: request.method ?? "GET", path, status });
      response.writeHead(status, json === undefined ? headers : { "content-type": "application/json", ...headers });
      response.end(json === undefined ? undefined : JSON.stringify(json));
      return undefined;
    };
    // Interaction callbacks and webhook edits authenticate with the interaction token, not the bot's.
    const interaction =
      /^\/(?:interactions\/(\d+)\/[^/]+\/callback|webhooks\/\d+\/interaction-token-(\d+)(\/messages\/@original)?)$/.exec(
        path,
      );
    if (interaction) return this.answerInteraction(interaction, request.method ?? "", body, answer);

    const bot = this.bots.find((candidate) => request.headers.authorization === `Bot ${candidate.token}`);
    if (!bot || bot.rejectedAt === "rest") return answer(401, { message: "401: Unauthorized", code: 0 });

    if (request.method === "GET" && path === "/gateway/bot") {
      return answer(200, {
        url: `${this.base.replace(/^http/, "ws")}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.maxConcurrency,
        },
      });
    }
    if (request.method === "GET" && path === "/users/@me") return answer(200, userJson(bot.user));
    const commands = /^\/applications\/(\d+)\/commands$/.exec(path);
    if (commands && request.method === "PUT") {
      const list = JSON.parse(body) as { name: string; description: string }[];
      this.commands.set(commands[1] as string, list);
      return answer(
        200,
        list.map((command) => ({
          ...command,
          id: nextSnowflake(),
          application_id: commands[1],
          version: nextSnowflake(),
          type: 1,
        })),
      );
    }
    const channelRoute = /^\/channels\/(\d+)(\/messages|\/typing|\/messages\/(\d+))?$/.exec(path);
    const channel = channelRoute ? this.channels.get(channelRoute[1] as string) : undefined;
    if (!channelRoute) return answer(404, { message: "404: Not Found", code: 0 });
    if (!channel) return answer(404, { message: "Unknown Channel", code: 10003 });
    if (request.method === "GET" && !channelRoute[2]) return answer(200, channelJson(channel));
    const edited = channelRoute[3] ? this.messages.get(channelRoute[3]) : undefined;
    if (request.method === "GET" && channelRoute[3]) {
      if (!edited || edited.channel.id !== channel.id) return answer(404, { message: "Unknown Message", code: 10008 });
      return answer(200, messageJson(edited));
    }
    if (request.method === "PATCH" && channelRoute[3]) {
      if (!edited || edited.channel.id !== channel.id) return answer(404, { message: "Unknown Message", code: 10008 });
      if (edited.author.id !== bot.user.id)
        return answer(403, { message: "Cannot edit a message authored by another user", code: 50005 });
      const content = (JSON.parse(body) as MessageBody).content ?? "";
      if (content.length > MAX_CONTENT) return answer(400, { message: "Invalid Form Body", code: 50035 });
      edited.content = content;
      this.edits.push({ messageId: edited.id, content });
      return answer(200, messageJson(edited));
    }
    if (request.method === "POST" && channelRoute[2] === "/typing") {
      this.typing.push({ bot: bot.user, channelId: channel.id });
      return answer(204);
    }
    if (request.method === "POST" && channelRoute[2] === "/messages") {
      return this.postMessage(bot, channel, JSON.parse(body) as MessageBody, answer);
    }
    return answer(405, { message: "405: Method Not Allowed", code: 0 });
  }

  private postMessage(bot: FakeBot, channel: FakeChannel, body: MessageBody, answer: Answer): undefined {
    const failure = this.failures.shift();
    if (failure?.status === 429) {
      const seconds = failure.retryAfterSeconds.toFixed(3);
      return answer(
        429,
        {
          message: "You are being rate limited.",
          retry_after: failure.retryAfterSeconds,
          global: failure.global ?? false,
        },
        {
          "retry-after": String(Math.ceil(failure.retryAfterSeconds)),
          "x-ratelimit-limit": String(this.bucket.limit),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": seconds,
          "x-ratelimit-bucket": "messages",
          "x-ratelimit-scope": failure.global ? "global" : "user",
          ...(failure.global ? { "x-ratelimit-global": "true" } : {}),
        },
      );
    }
    const loseResponse = failure !== undefined && "afterCreating" in failure;
    if (failure && !loseResponse)
      return answer(failure.status, {
        message: failure.status === 403 ? "Missing Permissions" : "Server error",
        code: failure.status === 403 ? 50013 : 0,
      });
    if (this.forbidden.has(channel.id)) return answer(403, { message: "Missing Permissions", code: 50013 });

    const bucketKey = `${bot.user.id}:${channel.id}`;
    const now = Date.now();
    let bucket = this.buckets.get(bucketKey);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { used: 0, resetAt: now + this.bucket.windowMs };
      this.buckets.set(bucketKey, bucket);
    }
    const limitHeaders = (remaining: number) => ({
      "x-ratelimit-limit": String(this.bucket.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": ((bucket?.resetAt ?? now) / 1000).toFixed(3),
      "x-ratelimit-reset-after": (((bucket?.resetAt ?? now) - now) / 1000).toFixed(3),
      "x-ratelimit-bucket": "messages",
    });
    if (bucket.used >= this.bucket.limit) {
      const retryAfter = (bucket.resetAt - now) / 1000;
      return answer(
        429,
        { message: "You are being rate limited.", retry_after: retryAfter, global: false },
        { ...limitHeaders(0), "retry-after": String(Math.ceil(retryAfter)), "x-ratelimit-scope": "user" },
      );
    }

    const content = body.content ?? "";
    if (content.length === 0) return answer(400, { message: "Cannot send an empty message", code: 50006 });
    if (content.length > MAX_CONTENT) {
      return answer(400, {
        message: "Invalid Form Body",
        code: 50035,
        errors: {
          content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] },
        },
      });
    }
    // enforce_nonce: a resend with a nonce this bot used in this channel returns the message already made.
    if (body.enforce_nonce && body.nonce) {
      for (const existing of this.messages.values()) {
        if (existing.nonce === body.nonce && existing.author.id === bot.user.id && existing.channel.id === channel.id) {
          return answer(200, messageJson(existing), limitHeaders(this.bucket.limit - bucket.used));
        }
      }
    }
    bucket.used += 1;
    const referenced = body.message_reference ? this.messages.get(body.message_reference.message_id) : undefined;
    if (body.message_reference && !referenced) {
      return answer(400, {
        message: "Invalid Form Body",
        code: 50035,
        errors: {
          message_reference: { _errors: [{ code: "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", message: "Unknown message" }] },
        },
      });
    }
    const message = this.create(bot.user, channel, content, {
      referenced,
      allowed: body.allowed_mentions,
      nonce: body.nonce,
    });
    this.sent.push({ bot: bot.user, channelId: channel.id, body, message });
    if (loseResponse) answer(500, { message: "Server error", code: 0 });
    else answer(200, messageJson(message), limitHeaders(this.bucket.limit - bucket.used));
    // Like Discord, the bot's own message comes back to it (and to every other bot there) over the gateway.
    this.broadcast(message);
  }

  private answerInteraction(match: RegExpExecArray, method: string, body: string, answer: Answer): undefined {
    const interactionId = (match[1] ?? match[2]) as string;
    const interaction = this.interactions.get(interactionId);
    if (!interaction) return answer(404, { message: "Unknown interaction", code: 10062 });
    const parsed = JSON.parse(body || "{}") as InteractionAnswer["body"];
    const kind = match[1] ? "callback" : match[3] ? "edit" : "followup";
    if (kind !== "callback" && method !== (kind === "edit" ? "PATCH" : "POST"))
      return answer(405, { message: "405", code: 0 });
    this.interactionAnswers.push({ interactionId, kind, body: parsed });
    if (kind === "callback") return answer(204);
    const content = parsed.content ?? "";
    if (content.length > MAX_CONTENT) return answer(400, { message: "Invalid Form Body", code: 50035 });
    const message = this.create(interaction.bot.user, interaction.channel, content, {});
    answer(200, {
      ...messageJson(message),
      webhook_id: interaction.bot.applicationId,
      application_id: interaction.bot.applicationId,
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}
