import type { OwnedMigrations } from "../store/index.js";

/**
 * Memory's tables: the message log, working memory, long-term memories with
 * their keyword indexes, and the vector index bookkeeping. Append new
 * migrations at the end; never edit one that has shipped.
 */
export const MEMORY_MIGRATIONS: OwnedMigrations = {
  owner: "memory",
  steps: [
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
    // 2: keyword search (FTS5, kept in step by triggers) and free-form metadata per memory.
    `
  ALTER TABLE memories ADD COLUMN metadata TEXT;
  CREATE VIRTUAL TABLE memories_fts USING fts5 (text, content = 'memories', content_rowid = 'id', tokenize = 'porter unicode61');
  CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);
  END;
  INSERT INTO memories_fts (memories_fts) VALUES ('rebuild');
  CREATE VIRTUAL TABLE memories_terms USING fts5vocab (memories_fts, 'row');
  `,
    // 3: knowledge gets its own keyword index, so a knowledge query never ranks conversation.
    `
  CREATE VIRTUAL TABLE knowledge_fts USING fts5 (text, content = 'memories', content_rowid = 'id', tokenize = 'porter unicode61');
  CREATE VIRTUAL TABLE knowledge_terms USING fts5vocab (knowledge_fts, 'row');
  INSERT INTO memories_fts (memories_fts, rowid, text) SELECT 'delete', id, text FROM memories WHERE kind = 'knowledge';
  INSERT INTO knowledge_fts (rowid, text) SELECT id, text FROM memories WHERE kind = 'knowledge';
  DROP TRIGGER memories_fts_insert;
  DROP TRIGGER memories_fts_delete;
  DROP TRIGGER memories_fts_update;
  CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts (rowid, text) SELECT new.id, new.text WHERE new.kind <> 'knowledge';
    INSERT INTO knowledge_fts (rowid, text) SELECT new.id, new.text WHERE new.kind = 'knowledge';
  END;
  CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.kind <> 'knowledge';
    INSERT INTO knowledge_fts (knowledge_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.kind = 'knowledge';
  END;
  CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.kind <> 'knowledge';
    INSERT INTO knowledge_fts (knowledge_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.kind = 'knowledge';
    INSERT INTO memories_fts (rowid, text) SELECT new.id, new.text WHERE new.kind <> 'knowledge';
    INSERT INTO knowledge_fts (rowid, text) SELECT new.id, new.text WHERE new.kind = 'knowledge';
  END;
  `,
    // 4: how far each agent's long-term memory holds the memories of its logged messages (written with them, in
    // the same group commit); a start after a crash remembers the messages beyond it again.
    `
  CREATE TABLE derived_watermarks (
    agent TEXT PRIMARY KEY,
    message_id INTEGER NOT NULL
  );
  -- Until now every message's memory was written in the message's own transaction: all of them are held.
  INSERT INTO derived_watermarks (agent, message_id) SELECT agent, MAX(id) FROM messages GROUP BY agent;
  `,
    // 5: a platform user's message is owed an answer until the platform took the reply (a start after a crash
    // answers what is still owed); what decide read of it, to decide again; and which message a reply answers.
    `
  ALTER TABLE messages ADD COLUMN owed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN addressed TEXT;
  ALTER TABLE messages ADD COLUMN answers INTEGER;
  CREATE INDEX messages_owed ON messages (agent, platform, id) WHERE owed = 1;
  `,
    // 6: owed counts the starts that took the message up again after a crash (1: none yet), so that one a start
    // already took up and died on is given up instead of stopping every later start as well.
    `
  DROP INDEX messages_owed;
  CREATE INDEX messages_owed ON messages (agent, platform, id) WHERE owed > 0;
  `,
  ],
};
