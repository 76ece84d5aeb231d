import type { SessionInfo } from "@discordjs/ws";
import { type Client, Events } from "discord.js";
import type { Store } from "../../store/index.js";

/** How often a session's sequence is written while events come; a stale one only replays events handled already. */
const SEQUENCE_WRITE_MS = 1_000;

/**
 * One bot's gateway sessions (one per shard), kept in SQLite while it runs:
 * the session id, the resume URL and the last event's sequence number. A
 * process that dies without closing its socket leaves its sessions open on
 * Discord's side, which keeps their events for a while; the next start
 * resumes them to get those events (`resumeLeftSessions`). A clean stop
 * closes them, and forgets them here.
 */
export class GatewaySessions {
  private readonly agent: string;
  private readonly statements;
  private readonly current = new Map<number, SessionInfo>();
  private readonly unwritten = new Set<number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(db: Store, agent: string) {
    this.agent = agent;
    this.statements = {
      list: db.prepare<[string], { session: string }>(
        "SELECT session FROM discord_sessions WHERE agent = ? ORDER BY shard",
      ),
      save: db.prepare<[string, number, string]>(
        `INSERT INTO discord_sessions (agent, shard, session) VALUES (?, ?, ?)
         ON CONFLICT (agent, shard) DO UPDATE SET session = excluded.session`,
      ),
      forget: db.prepare<[string]>("DELETE FROM discord_sessions WHERE agent = ?"),
    };
  }

  /** The sessions an earlier process left, one per shard. */
  saved(): SessionInfo[] {
    return this.statements.list.all(this.agent).map((row) => JSON.parse(row.session) as SessionInfo);
  }

  /** Keeps the client's sessions from now on: READY starts one (written at once), each event moves its sequence. */
  follow(client: Client): void {
    client.on(Events.Raw, (packet: { t?: string | null; s?: number | null; d?: unknown }, shard: number) => {
      if (typeof packet.s !== "number") return;
      if (packet.t === "READY") {
        const ready = packet.d as { session_id: string; resume_gateway_url: string };
        this.current.set(shard, {
          sessionId: ready.session_id,
          resumeURL: ready.resume_gateway_url,
          sequence: packet.s,
          shardId: shard,
          shardCount: client.options.shardCount ?? 1,
        });
        this.write(shard);
        return;
      }
      const session = this.current.get(shard);
      if (!session || packet.s <= session.sequence) return;
      session.sequence = packet.s;
      this.unwritten.add(shard);
      this.timer ??= setTimeout(() => this.flush(), SEQUENCE_WRITE_MS).unref();
    });
  }

  /** A clean stop closed the sessions: nothing to resume at the next start. */
  forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current.clear();
    this.unwritten.clear();
    this.statements.forget.run(this.agent);
  }

  private flush(): void {
    this.timer = undefined;
    for (const shard of this.unwritten) this.write(shard);
  }

  private write(shard: number): void {
    this.unwritten.delete(shard);
    const session = this.current.get(shard);
    if (session) this.statements.save.run(this.agent, shard, JSON.stringify(session));
  }
}
