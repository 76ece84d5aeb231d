/**
 * The fake Discord gateway (v10, JSON text frames): HELLO, IDENTIFY → READY
 * and a GUILD_CREATE per guild of the shard, heartbeats and their ACKs,
 * RESUME with the missed events replayed, close 4004 for a rejected token
 * and 4014 for a privileged intent the bot may not use. Sessions outlive
 * their socket, so a dropped client resumes where it left off; a client
 * that closes with 1000 or 1001 ends its session.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeGuild, type FakeUser, guildCreateJson, userJson } from "./discord-payloads.js";
import { nextSnowflake, shardOf } from "./snowflake.js";

/** Gateway intents the fake reads (discord-api-types' GatewayIntentBits). */
export const INTENTS = { guildMessages: 1 << 9, directMessages: 1 << 12, messageContent: 1 << 15 } as const;

/** A bot account the fake accepts. */
export interface FakeBot {
  token: string;
  user: FakeUser;
  applicationId: string;
  /** The developer portal's "Message Content Intent" switch. */
  messageContentEnabled: boolean;
  /** Where a rejected token is refused: `rest` (401 on GET /gateway/bot, as Discord does) or `gateway` (close 4004). */
  rejectedAt?: "rest" | "gateway";
}

/** One identified gateway session: a bot on one shard. */
export interface GatewaySession {
  id: string;
  bot: FakeBot;
  shard: [number, number];
  intents: number;
  seq: number;
  log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | undefined;
}

/** A frame the fake received from a client. */
export interface ReceivedFrame {
  op: number;
  d: unknown;
}

export class FakeGateway {
  readonly sessions: GatewaySession[] = [];
  /** Every IDENTIFY and RESUME frame, in order. */
  readonly frames: ReceivedFrame[] = [];
  /** Heartbeat interval in HELLO; short, so tests see heartbeats. */
  heartbeatIntervalMs = 1_000;
  /** On RESUME, also replay this many events the client had already seen (an at-least-once redelivery). */
  redeliverOnResume = 0;
  private readonly server = new WebSocketServer({ noServer: true });

  constructor(
    private readonly bots: () => FakeBot[],
    private readonly guilds: () => FakeGuild[],
    private readonly resumeUrl: () => string,
  ) {
    this.server.on("connection", (socket) => this.accept(socket));
  }

  /** Takes over an HTTP upgrade to `/gateway` or `/resume`. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit("connection", ws, request));
  }

  /** Sends an event to every session `sees` accepts, keeping it for a resume if the socket is down. */
  dispatch(t: string, payloadFor: (session: GatewaySession) => unknown, sees: (session: GatewaySession) => boolean) {
    for (const session of this.sessions) {
      if (!sees(session)) continue;
      this.send(session, t, payloadFor(session));
    }
  }

  /** Whether a session's shard carries this guild (DMs ride on shard 0). */
  carries(session: GatewaySession, guildId: string | undefined): boolean {
    return guildId === undefined ? session.shard[0] === 0 : shardOf(guildId, session.shard[1]) === session.shard[0];
  }

  /** Cuts every socket without a close frame, as a network failure does (the client sees 1006). */
  dropConnections(): void {
    for (const client of this.server.clients) client.terminate();
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket): void {
    let session: GatewaySession | undefined;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as ReceivedFrame;
      if (frame.op === 1) {
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      }
      if (frame.op === 2) {
        this.frames.push(frame);
        session = this.identify(socket, frame.d as Identify);
      } else if (frame.op === 6) {
        this.frames.push(frame);
        session = this.resume(socket, frame.d as Resume);
      }
    });
    socket.on("close", (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = undefined;
      // A client that closes with 1000 or 1001 ends its session, as on Discord: it cannot be resumed.
      if (code === 1000 || code === 1001) this.sessions.splice(this.sessions.indexOf(session), 1);
    });
  }

  private identify(socket: WebSocket, identify: Identify): GatewaySession | undefined {
    const bot = this.bots().find((candidate) => candidate.token === identify.token);
    if (!bot || bot.rejectedAt) {
      socket.close(4004, "Authentication failed.");
      return undefined;
    }
    if (identify.intents & INTENTS.messageContent && !bot.messageContentEnabled) {
      socket.close(4014, "Disallowed intent(s).");
      return undefined;
    }
    const shard = identify.shard ?? [0, 1];
    const session: GatewaySession = {
      id: nextSnowflake(),
      bot,
      shard,
      intents: identify.intents,
      seq: 0,
      log: [],
      socket,
    };
    this.sessions.push(session);
    const guilds = this.guilds().filter((guild) => this.carries(session, guild.id));
    this.send(session, "READY", {
      v: 10,
      user: { ...userJson(bot.user), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.resumeUrl(),
      shard,
      application: { id: bot.applicationId, flags: bot.messageContentEnabled ? 1 << 19 : 0 },
      private_channels: [],
      relationships: [],
      user_settings: {},
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
    });
    for (const guild of guilds) this.send(session, "GUILD_CREATE", guildCreateJson(guild, bot.user));
    return session;
  }

  private resume(socket: WebSocket, resume: Resume): GatewaySession | undefined {
    const session = this.sessions.find((candidate) => candidate.id === resume.session_id);
    if (!session || session.bot.token !== resume.token) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return undefined;
    }
    session.socket = socket;
    const from = Math.max(0, resume.seq - this.redeliverOnResume);
    for (const event of session.log) {
      if (event.s > from) socket.send(JSON.stringify({ op: 0, ...event }));
    }
    this.send(session, "RESUMED", {});
    return session;
  }

  private send(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.log.push(event);
    if (session.socket?.readyState === 1) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }
}

interface Identify {
  token: string;
  intents: number;
  shard?: [number, number];
}

interface Resume {
  token: string;
  session_id: string;
  seq: number;
}
