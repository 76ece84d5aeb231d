import { createRequire } from "node:module";
import { sep } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { sqliteAddonPath } from "../../src/store/sqlite-addon.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("openStore's SQLite addon", () => {
  const tempDir = useTempDir();

  it("is loaded from better-sqlite3's build folder, without the bindings package searching for it", () => {
    const db = openStore({ dataDir: tempDir() });
    expect(db.prepare("SELECT 1 AS one").get()).toEqual({ one: 1 });
    db.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded).toContain(sqliteAddonPath());
    expect(loaded.filter((file) => file.includes(`${sep}node_modules${sep}bindings${sep}`))).toEqual([]);
  });

  it("is the compiled addon inside the installed better-sqlite3", () => {
    expect(sqliteAddonPath()).toMatch(/[/\\]better-sqlite3[/\\]build[/\\]Release[/\\]better_sqlite3\.node$/);
  });
});
