import { applyMigrations, type OwnedMigrations, type Store } from "../../store/index.js";
import { GatewaySessions } from "./gateway-sessions.js";

/**
 * The Discord connector's tables, owned by it and migrated under its own
 * name: each bot's gateway session per shard, so a start after a crash can
 * resume it and get the events Discord kept for it while the bot was away.
 * Append new migrations at the end; never edit one that has shipped.
 */
export const DISCORD_MIGRATIONS: OwnedMigrations = {
  owner: "connector:discord",
  steps: [
    `
  CREATE TABLE discord_sessions (
    agent TEXT NOT NULL,
    shard INTEGER NOT NULL,
    session TEXT NOT NULL,
    PRIMARY KEY (agent, shard)
  );
  `,
  ],
};

/** The bot's gateway sessions in the troupe's store, its table migrated first. */
export function openGatewaySessions(store: Store, agent: string): GatewaySessions {
  applyMigrations(store, DISCORD_MIGRATIONS);
  return new GatewaySessions(store, agent);
}
