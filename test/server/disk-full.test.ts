import { describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { serve } from "../../src/server/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

/**
 * A full disk, simulated with SQLite's own size limit (`PRAGMA max_page_count`
 * on the troupe's connection): SQLite then fails writes with SQLITE_FULL,
 * exactly as when the file system has no room, and it needs no root to mount
 * a tiny file system.
 */
describe("the disk holding troupe.db fills up", () => {
  const tempDir = useTempDir();

  it("answers 507 with one clear line, loses nothing stored before, and serves again once there is room", async () => {
    const dataDir = tempDir();
    const troupe = await Troupe.start(["characters/host.json"], { dataDir, logger: createLogger({ level: "silent" }) });
    const server = await serve(troupe, { host: "127.0.0.1", port: 0 });
    const say = (user: string, text: string) =>
      fetch(`${server.url}/agents/Juno/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text }),
      });
    try {
      expect((await say("ada", "Hi! My name is Ada and I keep bees.")).status).toBe(200);
      // biome-ignore lint/complexity/useLiteralKeys: the troupe's connection is private; the size limit must be set on it.
      const db = troupe["db"];
      const pages = db.pragma("page_count", { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);

      // A long message needs new pages: none are left.
      const full = await say("bo", `Remember this: ${"the hive hums at dawn. ".repeat(2_000)}`);
      expect(full.status).toBe(507);
      expect(await full.json()).toEqual({
        error: `The disk holding ${db.name} is full: this message was not stored or answered. Free some space; everything stored before is intact.`,
      });
      expect(db.pragma("quick_check", { simple: true })).toBe("ok");
      const said = db.prepare("SELECT COUNT(*) FROM messages WHERE user_id = ? AND role = 'user'").pluck();
      expect(said.get("http:ada")).toBe(1);
      expect(said.get("http:bo")).toBe(0);

      db.pragma("max_page_count = 1073741823");
      const after = await say("ada", "What is my name?");
      expect(after.status).toBe(200);
      expect(((await after.json()) as { reply: string }).reply).toContain("Ada");
    } finally {
      await server.close();
      await troupe.stop();
    }
  });
});
