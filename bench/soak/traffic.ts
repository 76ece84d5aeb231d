import type { FakeDiscord } from "../../test/fakes/discord/discord-server.js";
import type { FakeTelegram } from "../../test/fakes/telegram/fake-telegram.js";
import type { LatencyBook } from "./latency-book.js";
import { ReplyMatcher } from "./reply-matcher.js";
import { userLine } from "./user-lines.js";

/** Counts of one soak over all platforms. */
export interface Tally {
  sent: number;
  httpReplies: number;
  /** Acknowledged over HTTP (200) without an answer. */
  httpLost: number;
  /** HTTP requests that got no response at all: refused or cut while the troupe was killed. */
  httpRefused: number;
  /**
   * Discord messages written while the troupe was down: Discord keeps them for the session the killed process
   * left open, and the restarted bot resumes it to get them, so each is owed an answer like any other.
   */
  discordWhileDown: number;
  errors: number;
  /** How many HTTP answers had each status other than 200. */
  httpStatuses: Record<number, number>;
  delegations: number;
  reminders: number;
}

/** Where users talk: the HTTP API, a Telegram bot and a Discord bot of the host (Juno). */
export interface Platforms {
  api: string;
  telegram: { fake: FakeTelegram; token: string };
  discord: { fake: FakeDiscord; bot: ReturnType<FakeDiscord["addBot"]> };
}

/**
 * Sends the soak's messages: user `n` talks over HTTP (70 %), Telegram
 * (15 %) or Discord (15 %), each in their own direct chat, and the replies
 * are matched to them as they come.
 */
export class Traffic {
  readonly tally: Tally = {
    sent: 0,
    httpReplies: 0,
    httpLost: 0,
    httpRefused: 0,
    discordWhileDown: 0,
    errors: 0,
    httpStatuses: {},
    delegations: 0,
    reminders: 0,
  };
  readonly telegram: ReplyMatcher;
  readonly discord: ReplyMatcher;
  private readonly turns = new Map<number, number>();
  private readonly discordUsers = new Map<
    number,
    { user: ReturnType<FakeDiscord["addUser"]>; channel: ReturnType<FakeDiscord["dm"]> }
  >();
  private readonly inFlight = new Set<Promise<void>>();
  private telegramSeen = 0;
  private discordSeen = 0;

  constructor(
    private readonly platforms: Platforms,
    private readonly book: LatencyBook,
    /** Whether the troupe is running (false between a kill and its restart). */
    private readonly troupeUp: () => boolean,
  ) {
    this.telegram = new ReplyMatcher(book);
    this.discord = new ReplyMatcher(book);
  }

  /** User `n` says their next line. */
  send(n: number): void {
    const turn = this.turns.get(n) ?? 0;
    this.turns.set(n, turn + 1);
    const line = userLine(n, turn);
    this.tally.sent++;
    if (line.kind === "delegation") this.tally.delegations++;
    if (line.kind === "reminder") this.tally.reminders++;
    const where = n % 20;
    const sending =
      where < 14
        ? this.http(n, line.text)
        : where < 17
          ? this.viaTelegram(n, line.text)
          : this.viaDiscord(n, line.text);
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  /** Reads what the bots said since the last look. */
  collect(): void {
    const { fake } = this.platforms.telegram;
    for (; this.telegramSeen < fake.sent.length; this.telegramSeen++) {
      const message = fake.sent[this.telegramSeen];
      if (message) this.telegram.answered(String(message.chat_id), message.text);
    }
    const discord = this.platforms.discord.fake;
    for (; this.discordSeen < discord.sent.length; this.discordSeen++) {
      const message = discord.sent[this.discordSeen];
      if (message) this.discord.answered(message.channelId, message.message.content);
    }
  }

  /** Waits for the HTTP requests still open. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async http(n: number, text: string): Promise<void> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.platforms.api}/agents/Juno/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: `user${n}`, text }),
      });
      const body = (await response.json()) as { reply?: string | null };
      if (response.status !== 200) {
        this.tally.errors++;
        this.tally.httpStatuses[response.status] = (this.tally.httpStatuses[response.status] ?? 0) + 1;
      } else if (!body.reply) this.tally.httpLost++;
      else {
        this.tally.httpReplies++;
        this.book.record(Date.now() - started);
      }
    } catch {
      this.tally.httpRefused++;
    }
  }

  private async viaTelegram(n: number, text: string): Promise<void> {
    const { fake, token } = this.platforms.telegram;
    const id = 1_000_000 + n;
    this.telegram.sent(String(id));
    await fake.userSays(token, { from: { id, first_name: `User${n}` }, chat: { id, type: "private" }, text });
  }

  private async viaDiscord(n: number, text: string): Promise<void> {
    const { fake, bot } = this.platforms.discord;
    let known = this.discordUsers.get(n);
    if (!known) {
      const user = fake.addUser(`user${n}`);
      known = { user, channel: fake.dm(user, bot) };
      this.discordUsers.set(n, known);
    }
    this.discord.sent(known.channel.id);
    if (!this.troupeUp()) this.tally.discordWhileDown++;
    fake.say(known.user, known.channel, text);
  }
}
