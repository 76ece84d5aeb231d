import { type SessionInfo, WebSocketManager, WebSocketShardEvents } from "@discordjs/ws";
import type { REST } from "discord.js";
import { GatewayDispatchEvents, type GatewayMessageCreateDispatchData } from "discord.js";

export interface ResumeLeftOptions {
  token: string;
  intents: number;
  rest: REST;
  /** The sessions a process that died left open (`GatewaySessions.saved`). */
  sessions: SessionInfo[];
  /** How long the resume may take before the start goes on without it. Default 10 s. */
  timeoutMs?: number;
}

/** A session a killed bot left open, resumed: it keeps collecting messages until closed. */
export interface ResumedSession {
  /** Ends the session (close 1000) and resolves to every message it carried, in order. */
  close(): Promise<GatewayMessageCreateDispatchData[]>;
}

/**
 * Resumes the sessions a killed bot left open, each on a connection of its
 * own: the gateway replays what it dispatched after the last sequence the
 * bot wrote down (messages sent while the bot was down among them, and some
 * it had already handled, which the agent knows by their ids), and goes on
 * carrying new messages until `close`, which ends the sessions. Keep it open
 * until the bot's client is ready on its new session, so no message falls
 * between the two. The client cannot resume by itself: discord.js's client
 * starts only from READY (one that resumes gets no READY: no user, no
 * guilds, and every event held back until a READY that never comes). A
 * session Discord no longer knows carries nothing old.
 */
export async function resumeLeftSessions(options: ResumeLeftOptions): Promise<ResumedSession> {
  const { sessions } = options;
  const first = sessions[0];
  if (!first) return { close: async () => [] };
  const current = new Map(sessions.map((session) => [session.shardId, session]));
  const missed: GatewayMessageCreateDispatchData[] = [];
  const manager = new WebSocketManager({
    token: options.token,
    intents: options.intents,
    rest: options.rest,
    shardCount: first.shardCount,
    shardIds: sessions.map((session) => session.shardId),
    retrieveSessionInfo: (shard) => current.get(shard) ?? null,
    updateSessionInfo: (shard, session) => {
      if (session) current.set(shard, session);
      else current.delete(shard);
    },
  });
  manager.on(WebSocketShardEvents.Dispatch, ({ data }) => {
    if (data.t === GatewayDispatchEvents.MessageCreate) missed.push(data.d);
  });
  const close = async () => {
    // The last replayed events may still be on their way through the shard's handlers.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await manager.destroy({ code: 1000, reason: "Collected the missed events" });
    return missed;
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    // Resolves once every shard resumed (or, for a session Discord forgot, identified afresh).
    await Promise.race([
      manager.connect(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
      }),
    ]);
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { close };
}
