import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createRemindersPlugin } from "../../plugins/reminders/index.js";
import { REMINDER_MIGRATIONS } from "../../plugins/reminders/reminder-migrations.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { applyMigrations, migrationVersions, type Store } from "../../src/store/index.js";
import { createTestAgent } from "../../src/testing/index.js";
import { SINGLE_LIST_MIGRATIONS } from "../fixtures/store/single-list-migrations.js";
import { useTempDir } from "../helpers/temp-dir.js";

/** Lee's reminder ("pay rent") is due at this time. */
const LEE_REMINDER_DUE = 1_796_634_000_000;

/**
 * Builds, in `dataDir`, the `troupe.db` that `troupe chat Juno --user lee` left on main before each owner
 * kept its migrations (PRAGMA user_version 5): the rows below are the ones that session wrote.
 */
function writeDatabaseMadeBySingleList(dataDir: string): void {
  const db = new Database(join(dataDir, "troupe.db"));
  for (const migration of SINGLE_LIST_MIGRATIONS) db.exec(migration);
  db.pragma(`user_version = ${SINGLE_LIST_MIGRATIONS.length}`);
  const said = [
    ["user", "Hi, my name is Lee."],
    ["agent", "Nice to meet you, Lee!"],
    ["user", "remind me tomorrow at 9 to pay rent"],
    ["agent", "I'll remind you to pay rent on Monday 7 December at 09:00 (reminder #1)."],
    ["user", "I live in Oslo."],
    ["agent", "Oh, Oslo! What do you like most about it?"],
  ];
  const message = db.prepare(
    "INSERT INTO messages (agent, room, user_id, user_name, role, text, platform, created_at) VALUES ('Juno', 'terminal:lee', 'terminal:lee', 'lee', ?, ?, 'terminal', ?)",
  );
  said.forEach(([role, text], index) => {
    message.run(role, text, 1_796_541_500_000 + index);
  });
  const origin = { room: "terminal:lee", private: true };
  const profile = {
    facts: { name: "Lee", "lives in": "Oslo" },
    history: [],
    updatedAt: 1_796_541_507_597,
    origins: { name: { Lee: origin }, "lives in": { Oslo: origin } },
  };
  db.prepare(
    "INSERT INTO working_memory (agent, scope, data, updated_at) VALUES ('Juno', 'user:terminal:lee', ?, ?)",
  ).run(JSON.stringify(profile), profile.updatedAt);
  db.prepare(
    "INSERT INTO reminders (agent, platform, room, room_kind, user_id, user_name, text, due_at, created_at) VALUES ('Juno', 'terminal', 'terminal:lee', 'direct', 'terminal:lee', 'lee', 'pay rent', ?, 1796541507593)",
  ).run(LEE_REMINDER_DUE);
  db.close();
}

/** Every table, index and trigger with the SQL that made it, without the store's own bookkeeping. */
function schema(db: Store): Record<string, string> {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'schema_migrations' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.sql.replace(/\s+/g, " ")]));
}

describe("a database made before each owner kept its own migrations", () => {
  const tempDir = useTempDir();

  it("opens in place and keeps its reminders, messages and what the agent knew", async () => {
    const dataDir = tempDir();
    writeDatabaseMadeBySingleList(dataDir);
    const lee = { user: { id: "terminal:lee", name: "lee" }, platform: "terminal" };
    const juno = await createTestAgent({
      dataDir,
      character: { name: "Juno" },
      plugins: [createRemindersPlugin({ now: () => LEE_REMINDER_DUE - 3_600_000 })],
    });
    try {
      expect(migrationVersions(juno.db)).toEqual({ bus: 2, memory: 6, "plugin:reminders": 1, workflows: 3 });
      expect((await juno.send("what are my reminders?", lee)).text).toContain("#1 pay rent");
      const history = juno.db.prepare("SELECT text FROM messages WHERE agent = 'Juno' ORDER BY id").pluck().all();
      expect(history.slice(0, 3)).toEqual([
        "Hi, my name is Lee.",
        "Nice to meet you, Lee!",
        "remind me tomorrow at 9 to pay rent",
      ]);
      expect((await juno.send("What is my name?", lee)).text).toContain("Lee");
      expect((await juno.send("Where do I live?", lee)).text).toContain("Oslo");
    } finally {
      await juno.stop();
    }
  });

  it.each([1, 2, 3, 4, 5])("at user_version %i ends with the same schema as a new database", (userVersion) => {
    const old = tempDir();
    const before = new Database(join(old, "troupe.db"));
    for (const migration of SINGLE_LIST_MIGRATIONS.slice(0, userVersion)) before.exec(migration);
    before.pragma(`user_version = ${userVersion}`);
    before.close();
    const upgraded = openTroupeStore({ dataDir: old });
    applyMigrations(upgraded, { owner: "plugin:reminders", steps: REMINDER_MIGRATIONS });
    const fresh = openTroupeStore({ dataDir: tempDir() });
    applyMigrations(fresh, { owner: "plugin:reminders", steps: REMINDER_MIGRATIONS });
    try {
      expect(schema(upgraded)).toEqual(schema(fresh));
      expect(migrationVersions(upgraded)).toEqual(migrationVersions(fresh));
    } finally {
      upgraded.close();
      fresh.close();
    }
  });
});
