/**
 * Versioned schema migrations. Each entry runs once, in order, inside a
 * transaction; `PRAGMA user_version` records how many have run. Append new
 * migrations at the end and never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: short-term history, working memory, long-term memories (embedded after the write) and index bookkeeping.
  `
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    agent TEXT NOT NULL,
    room TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'agent')),
    text TEXT NOT NULL,
    platform TEXT NOT NULL,
    external_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX messages_external ON messages (agent, platform, external_id) WHERE external_id IS NOT NULL;
  CREATE INDEX messages_room ON messages (agent, room, id);

  CREATE TABLE working_memory (
    agent TEXT NOT NULL,
    scope TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (agent, scope)
  );

  CREATE TABLE memories (
    id INTEGER PRIMARY KEY,
    agent TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('message', 'fact', 'summary', 'knowledge')),
    room TEXT,
    user_id TEXT,
    text TEXT NOT NULL,
    embedding BLOB,
    model TEXT,
    dimensions INTEGER,
    importance REAL NOT NULL DEFAULT 0.5,
    source_message_id INTEGER,
    source TEXT,
    created_at INTEGER NOT NULL,
    accessed_at INTEGER NOT NULL
  );
  CREATE INDEX memories_agent ON memories (agent, id);
  CREATE INDEX memories_source ON memories (agent, source) WHERE source IS NOT NULL;
  CREATE INDEX memories_unembedded ON memories (agent, id) WHERE embedding IS NULL;

  CREATE TABLE vector_indexes (
    name TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    indexed_through INTEGER NOT NULL,
    file_size INTEGER NOT NULL
  );
  `,
];
