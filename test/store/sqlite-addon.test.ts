import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve, sep } from "node:path";
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
    expect(sqliteAddonPath()).toMatch(/[/\\]better-sqlite3[/\\]build[/\\](Release|Debug)[/\\]better_sqlite3\.node$/);
  });

  // The bundle carries better-sqlite3's JavaScript, whose own search for the addon would look beside the bundle.
  it("is given to every connection Troupe opens: openSqlite, and the checkpoint worker's own", () => {
    const constructing = listSources(resolve(import.meta.dirname, "../../src")).filter((file) =>
      /new Database\(/.test(readFileSync(file, "utf8")),
    );
    expect(constructing.map((file) => basename(file)).sort()).toEqual(["open-sqlite.ts", "wal-checkpointer.ts"]);
    for (const file of constructing) expect(readFileSync(file, "utf8")).toMatch(/nativeBinding/);
  });
});

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}
