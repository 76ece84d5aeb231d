import { definePlugin, type Plugin, type PluginRuntime } from "troupe";
import { createTestAgent } from "troupe/testing";
import { describe, expect, it } from "vitest";
import { checkPlugin } from "../../src/plugins/index.js";
import { migrationVersions } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const CREATE_NOTES = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)";

/** A plugin keeping notes in its own table; its service counts them at start (into `counted`), so it needs the table first. */
function notesPlugin(migrations: string[], counted: number[] = []): Plugin {
  return definePlugin({
    name: "notes",
    migrations,
    services: [
      {
        name: "notes",
        start: (rt: PluginRuntime) => {
          counted.push(rt.db.prepare("SELECT COUNT(*) FROM notes").pluck().get() as number);
        },
      },
    ],
  });
}

describe("a plugin's own migrations", () => {
  const tempDir = useTempDir();

  it("run once under the plugin's name, before its services, and only the new ones after an upgrade", async () => {
    const dataDir = tempDir();
    const counted: number[] = [];
    const first = await createTestAgent({ dataDir, plugins: [notesPlugin([CREATE_NOTES], counted)] });
    first.db.prepare("INSERT INTO notes (text) VALUES ('buy milk')").run();
    expect(migrationVersions(first.db)["plugin:notes"]).toBe(1);
    await first.stop();

    // The same version again: CREATE TABLE would fail if it ran twice.
    const again = await createTestAgent({ dataDir, plugins: [notesPlugin([CREATE_NOTES], counted)] });
    await again.stop();

    const upgraded = await createTestAgent({
      dataDir,
      plugins: [notesPlugin([CREATE_NOTES, "ALTER TABLE notes ADD COLUMN done INTEGER NOT NULL DEFAULT 0"], counted)],
    });
    try {
      expect(counted).toEqual([0, 1, 1]);
      expect(migrationVersions(upgraded.db)["plugin:notes"]).toBe(2);
      expect(upgraded.db.prepare("SELECT text, done FROM notes").all()).toEqual([{ text: "buy milk", done: 0 }]);
    } finally {
      await upgraded.stop();
    }
  });

  it("leaves the plugin's services out when a migration fails, and the agent keeps answering", async () => {
    const started: string[] = [];
    const broken = definePlugin({
      name: "broken",
      migrations: ["CREATE TABLE broken (oops"],
      services: [{ name: "broken", start: () => void started.push("broken") }],
    });
    const agent = await createTestAgent({ plugins: [broken] });
    try {
      expect(started).toEqual([]);
      expect(migrationVersions(agent.db)["plugin:broken"]).toBeUndefined();
      expect((await agent.send("hello")).text).not.toBe("");
    } finally {
      await agent.stop();
    }
  });

  it("are checked like the rest of the plugin", () => {
    const check = checkPlugin({ default: definePlugin({ name: "bad", migrations: [42 as unknown as string] }) });
    expect(check).toEqual({ ok: false, problems: [expect.stringMatching(/^migrations\[0\]: /)] });
  });
});
