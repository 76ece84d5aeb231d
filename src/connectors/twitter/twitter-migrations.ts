import type { OwnedMigrations } from "../../store/index.js";

/**
 * The Twitter connector's tables, owned by it and migrated under its own
 * name: where each account's mentions were read up to, every mention it
 * claimed (recorded before the reply is posted, so a crash never leads to a
 * second answer), the texts it posted (never posted twice), and each day's calls.
 * Append new migrations at the end; never edit one that has shipped.
 */
export const TWITTER_MIGRATIONS: OwnedMigrations = {
  owner: "connector:twitter",
  steps: [
    `
  CREATE TABLE twitter_cursors (
    agent TEXT NOT NULL,
    account_id TEXT NOT NULL,
    since_id TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (agent, account_id)
  );

  CREATE TABLE twitter_mentions (
    agent TEXT NOT NULL,
    tweet_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_is_bot INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'answered', 'ignored', 'failed')),
    reply_ids TEXT,
    claimed_at INTEGER NOT NULL,
    PRIMARY KEY (agent, tweet_id)
  );
  CREATE INDEX twitter_mentions_author ON twitter_mentions (agent, author_id, claimed_at);
  CREATE INDEX twitter_mentions_conversation ON twitter_mentions (agent, conversation_id);

  CREATE TABLE twitter_posts (
    agent TEXT NOT NULL,
    text_key TEXT NOT NULL,
    tweet_id TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent, text_key)
  );

  CREATE TABLE twitter_spend (
    agent TEXT NOT NULL,
    day TEXT NOT NULL,
    reads INTEGER NOT NULL DEFAULT 0,
    posts INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (agent, day)
  );
  `,
  ],
};
