/**
 * A fake Telegram Bot API on 127.0.0.1 for tests, speaking the wire protocol
 * real telegraf talks (`POST /bot<token>/<method>`, JSON, `{ok, result}`
 * envelopes): getMe, deleteWebhook, setWebhook, getUpdates (long polling with
 * offsets, and 409 for a second poller), sendMessage (length, empty text and
 * HTML checks), editMessageText, sendChatAction. Users "say" things with `userSays`; updates
 * go to the bot by polling, or are POSTed to its webhook with the secret
 * header. Failures can be scripted per method (429 with retry_after, 403,
 * 5xx, a dropped connection).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkTelegramHtml } from "./check-telegram-html.js";

export interface FakeBot {
  token: string;
  id: number;
  username: string;
  first_name: string;
}

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  is_bot?: boolean;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  is_forum?: boolean;
}

/** One call a bot made, with its parsed JSON body. */
export interface FakeCall {
  token: string;
  method: string;
  body: Record<string, unknown>;
  /** When the call arrived (Date.now()). */
  at: number;
}

/** A message a bot sent, as the fake stored it. */
export interface SentMessage {
  token: string;
  message_id: number;
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_to?: number;
  message_thread_id?: number;
}

/** What the fake answers instead of the real thing, for the next calls to a method. */
export type FakeFailure =
  | { kind: "error"; status: number; description: string; retryAfter?: number }
  | { kind: "drop" };

type Update = Record<string, unknown> & { update_id: number };

interface BotState {
  bot: FakeBot;
  queue: Update[];
  nextUpdateId: number;
  /** The getUpdates request waiting for updates, if any. */
  parked?: { res: ServerResponse; offset: number; timer: NodeJS.Timeout };
  webhook?: { url: string; secret?: string };
}

export interface FakeTelegram {
  /** For `TELEGRAM_API_ROOT` / telegraf's `apiRoot` (ends with `/`). */
  apiRoot: string;
  calls: FakeCall[];
  sent: SentMessage[];
  /** Edits of sent messages (editMessageText), in order; `sent` holds each message's latest text. */
  edits: { message_id: number; text: string; parse_mode?: string }[];
  /** The statuses the bots' webhooks answered, in order. */
  webhookStatuses: number[];
  /** A message from `from` in `chat`; returns the message (its id). `replyTo` quotes an earlier message. */
  userSays(
    token: string,
    options: {
      from: FakeUser;
      chat: FakeChat;
      text?: string;
      caption?: string;
      photo?: boolean;
      replyTo?: { message_id: number; from: FakeUser | FakeBot; text: string };
      threadId?: number;
    },
  ): Promise<Record<string, unknown>>;
  /** Hands an exact update (or a redelivery of one) to the bot. */
  deliver(token: string, update: Update): Promise<void>;
  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** Bots in `chatId` see each other's messages (Telegram's bot-to-bot mode). */
  linkBotsIn(chatId: number): void;
  /** Waits until `predicate` holds, polling every 10 ms (up to `timeoutMs`, default 8000). */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const LONG_POLL_CAP_MS = 1000;

/** Starts the fake with the given bots; any other token gets 401 Unauthorized. */
export async function startFakeTelegram(bots: FakeBot[]): Promise<FakeTelegram> {
  const states = new Map(bots.map((bot) => [bot.token, { bot, queue: [], nextUpdateId: 1 } as BotState]));
  const calls: FakeCall[] = [];
  const sent: SentMessage[] = [];
  const webhookStatuses: number[] = [];
  const edits: { message_id: number; text: string; parse_mode?: string }[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const linkedChats = new Set<number>();
  let nextMessageId = 1000;

  const server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const body = await readJson(req);
    if (!match) return answer(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    calls.push({ token, method, body, at: Date.now() });
    const state = states.get(token);
    if (!state) return answer(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const failure = failures.get(method)?.shift();
    if (failure?.kind === "drop") return res.socket?.destroy();
    if (failure) {
      const parameters = failure.retryAfter === undefined ? undefined : { retry_after: failure.retryAfter };
      const description = failure.description;
      return answer(res, failure.status, { ok: false, error_code: failure.status, description, parameters });
    }
    switch (method) {
      case "getMe":
        return ok(res, { ...state.bot, token: undefined, is_bot: true, can_join_groups: true });
      case "deleteWebhook":
        state.webhook = undefined;
        return ok(res, true);
      case "setWebhook":
        state.webhook = { url: String(body.url), secret: body.secret_token as string | undefined };
        return ok(res, true);
      case "getUpdates":
        return getUpdates(state, body, res);
      case "sendChatAction":
        return ok(res, true);
      case "sendMessage":
        return sendMessage(state, body, res);
      case "editMessageText":
        return editMessageText(state, body, res);
      default:
        return answer(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  });

  function getUpdates(state: BotState, body: Record<string, unknown>, res: ServerResponse) {
    const offset = Number(body.offset ?? 0);
    if (offset > 0) state.queue = state.queue.filter((update) => update.update_id >= offset);
    if (state.parked) {
      // Real Telegram ends the older of two concurrent long polls for one token this way.
      const older = state.parked;
      state.parked = undefined;
      clearTimeout(older.timer);
      answer(older.res, 409, {
        ok: false,
        error_code: 409,
        description:
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      });
    }
    const limit = Number(body.limit ?? 100);
    if (state.queue.length > 0 || !body.timeout) return ok(res, state.queue.slice(0, limit));
    const timeoutMs = Math.min(Number(body.timeout) * 1000, LONG_POLL_CAP_MS);
    const timer = setTimeout(() => flush(state), timeoutMs);
    state.parked = { res, offset, timer };
    res.on("close", () => {
      if (state.parked?.res === res) {
        clearTimeout(timer);
        state.parked = undefined;
      }
    });
  }

  function flush(state: BotState) {
    const parked = state.parked;
    if (!parked) return;
    state.parked = undefined;
    clearTimeout(parked.timer);
    ok(parked.res, state.queue.slice());
  }

  async function sendMessage(state: BotState, body: Record<string, unknown>, res: ServerResponse) {
    const raw = String(body.text ?? "");
    let visible = raw;
    if (body.parse_mode === "HTML") {
      const checked = checkTelegramHtml(raw);
      if ("error" in checked) {
        return answer(res, 400, {
          ok: false,
          error_code: 400,
          description: `Bad Request: can't parse entities: ${checked.error}`,
        });
      }
      visible = checked.text;
    }
    if (visible.trim() === "")
      return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
    if (visible.length > 4096)
      return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: message is too long" });
    const chatId = Number(body.chat_id);
    const replyTo = (body.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const message = {
      message_id: nextMessageId++,
      from: { id: state.bot.id, is_bot: true, first_name: state.bot.first_name, username: state.bot.username },
      chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
      date: Math.floor(Date.now() / 1000),
      text: visible,
      ...(body.message_thread_id ? { message_thread_id: body.message_thread_id, is_topic_message: true } : {}),
    };
    sent.push({
      token: state.bot.token,
      message_id: message.message_id,
      chat_id: chatId,
      text: raw,
      parse_mode: body.parse_mode as string | undefined,
      reply_to: replyTo,
      message_thread_id: body.message_thread_id as number | undefined,
    });
    ok(res, message);
    if (linkedChats.has(chatId)) {
      for (const other of states.values()) {
        if (other !== state)
          await push(other, { message: { ...message, chat: { id: chatId, type: "supergroup", title: "Linked" } } });
      }
    }
  }

  function editMessageText(state: BotState, body: Record<string, unknown>, res: ServerResponse) {
    const message = sent.find(
      (candidate) => candidate.token === state.bot.token && candidate.message_id === body.message_id,
    );
    if (!message)
      return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: message to edit not found" });
    const raw = String(body.text ?? "");
    const checked = body.parse_mode === "HTML" ? checkTelegramHtml(raw) : { text: raw };
    if ("error" in checked) {
      return answer(res, 400, {
        ok: false,
        error_code: 400,
        description: `Bad Request: can't parse entities: ${checked.error}`,
      });
    }
    if (checked.text.length > 4096)
      return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: message is too long" });
    if (raw === message.text && body.parse_mode === message.parse_mode) {
      return answer(res, 400, {
        ok: false,
        error_code: 400,
        description:
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      });
    }
    edits.push({ message_id: message.message_id, text: raw, parse_mode: body.parse_mode as string | undefined });
    message.text = raw;
    message.parse_mode = body.parse_mode as string | undefined;
    ok(res, {
      message_id: message.message_id,
      chat: { id: message.chat_id, type: "private" },
      date: 0,
      text: checked.text,
    });
  }

  async function push(state: BotState, content: Record<string, unknown>): Promise<void> {
    const update = { update_id: state.nextUpdateId++, ...content };
    await enqueue(state, update);
  }

  async function enqueue(state: BotState, update: Update): Promise<void> {
    if (state.webhook) {
      const response = await fetch(state.webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(state.webhook.secret ? { "x-telegram-bot-api-secret-token": state.webhook.secret } : {}),
        },
        body: JSON.stringify(update),
      });
      webhookStatuses.push(response.status);
      return;
    }
    state.queue.push(update);
    flush(state);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stateOf = (token: string) => {
    const state = states.get(token);
    if (!state) throw new Error(`The fake has no bot with token ${token}.`);
    return state;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}/`,
    calls,
    sent,
    edits,
    webhookStatuses,
    async userSays(token, options) {
      const state = stateOf(token);
      const text = options.text ?? options.caption ?? "";
      const entities = entitiesOf(text);
      const message: Record<string, unknown> = {
        message_id: nextMessageId++,
        from: { is_bot: false, ...options.from },
        chat: options.chat,
        date: Math.floor(Date.now() / 1000),
        ...(options.photo
          ? { photo: [{ file_id: "p1", file_unique_id: "u1", width: 90, height: 90 }], caption: options.caption }
          : { text }),
        ...(entities.length > 0 ? { [options.photo ? "caption_entities" : "entities"]: entities } : {}),
        ...(options.replyTo
          ? {
              reply_to_message: {
                message_id: options.replyTo.message_id,
                from: { is_bot: "token" in options.replyTo.from, ...options.replyTo.from, token: undefined },
                chat: options.chat,
                date: 0,
                text: options.replyTo.text,
              },
            }
          : {}),
        ...(options.threadId ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      };
      await push(state, { message });
      return message;
    },
    async deliver(token, update) {
      const state = stateOf(token);
      state.nextUpdateId = Math.max(state.nextUpdateId, update.update_id + 1);
      await enqueue(state, update);
    },
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let count = 0; count < times; count++) list.push(failure);
      failures.set(method, list);
    },
    linkBotsIn(chatId) {
      linkedChats.add(chatId);
    },
    async waitFor(predicate, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error("timed out waiting on the fake Telegram");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const state of states.values()) flush(state);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Mention and command entities, computed server-side as Telegram does (offsets in UTF-16 code units). */
function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const match of text.matchAll(/(?<![\w/])@\w{3,}/g)) {
    entities.push({ type: "mention", offset: match.index, length: match[0].length });
  }
  return entities;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        resolve({});
      }
    });
  });
}

function ok(res: ServerResponse, result: unknown): void {
  answer(res, 200, { ok: true, result });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
