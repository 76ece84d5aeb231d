import { type SessionInfo, WebSocketManager, WebSocketShardEvents } from "@discordjs/ws";
import type { REST } from "discord.js";
import { GatewayDispatchEvents, type GatewayMessageCreateDispatchData } from "discord.js";

export interface CollectMissedOptions {
  token: string;
  intents: number;
  rest: REST;
  /** The sessions a process that died left open (`GatewaySessions.saved`). */
  sessions: SessionInfo[];
  /** How long the resume may take before the start goes on without it. Default 10 s. */
  timeoutMs?: number;
}

/**
 * The messages Discord kept for the sessions a killed bot left open: each
 * session is resumed on a connection of its own, and the gateway replays
 * what it dispatched after the last sequence the bot wrote down (messages
 * sent while the bot was down among them, and some it had already handled,
 * which the agent knows by their ids). The connection is then closed, which
 * ends the sessions; the bot's client identifies anew, as discord.js's
 * client can only start from READY (a client that resumes gets no READY:
 * no user, no guilds, and every event held back until a READY that never
 * comes). A session Discord no longer knows replays nothing.
 */
export async function collectMissedMessages(
  options: CollectMissedOptions,
): Promise<GatewayMessageCreateDispatchData[]> {
  const { sessions } = options;
  const first = sessions[0];
  if (!first) return [];
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
  let timer: NodeJS.Timeout | undefined;
  try {
    // Resolves once every shard resumed (or, for a session Discord forgot, identified afresh).
    await Promise.race([
      manager.connect(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
      }),
    ]);
    // The last replayed events may still be on their way through the shard's handlers.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    clearTimeout(timer);
    await manager.destroy({ code: 1000, reason: "Collected the missed events" });
  }
  return missed;
}
