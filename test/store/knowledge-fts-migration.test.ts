import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openTroupeStore } from "../../src/runtime/index.js";
import { SINGLE_LIST_MIGRATIONS } from "../fixtures/store/single-list-migrations.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("the knowledge keyword index migration", () => {
  const tempDir = useTempDir();

  it("moves existing knowledge out of the conversation keyword index, and keeps both in step afterwards", () => {
    const dataDir = tempDir();
    const before = new Database(join(dataDir, "troupe.db"));
    const knowledgeMigration = SINGLE_LIST_MIGRATIONS.findIndex((migration) =>
      migration.includes("CREATE VIRTUAL TABLE knowledge_fts"),
    );
    for (const migration of SINGLE_LIST_MIGRATIONS.slice(0, knowledgeMigration)) before.exec(migration);
    before.pragma(`user_version = ${knowledgeMigration}`);
    const insert = before.prepare(
      "INSERT INTO memories (agent, kind, text, created_at, accessed_at) VALUES ('a', ?, ?, 1, 1)",
    );
    insert.run("knowledge", "penguins huddle against the antarctic wind");
    insert.run("message", "Ada: I saw penguins at the zoo");
    before.close();

    const db = openTroupeStore({ dataDir });
    const match = (table: string, word: string) =>
      (db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(word) as { rowid: number }[]).length;
    expect(match("memories_fts", "penguins")).toBe(1);
    expect(match("knowledge_fts", "penguins")).toBe(1);
    expect(match("memories_fts", "antarctic")).toBe(0);

    db.prepare(
      "INSERT INTO memories (agent, kind, text, created_at, accessed_at) VALUES ('a', 'knowledge', 'krill feed whales', 1, 1)",
    ).run();
    expect(match("knowledge_fts", "krill")).toBe(1);
    expect(match("memories_fts", "krill")).toBe(0);
    db.prepare("DELETE FROM memories WHERE kind = 'knowledge'").run();
    expect(match("knowledge_fts", "krill OR penguins")).toBe(0);
    expect(match("memories_fts", "penguins")).toBe(1);
    db.close();
  });
});
