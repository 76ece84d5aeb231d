import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openTroupeStore, TROUPE_MIGRATIONS } from "../../src/runtime/index.js";
import { migrationVersions, openStore, StoreOpenError } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("openStore", () => {
  const tempDir = useTempDir();

  it("creates troupe.db in WAL mode with every migration applied", () => {
    const dataDir = join(tempDir(), "nested", "data");
    const db = openTroupeStore({ dataDir });
    expect(existsSync(join(dataDir, "troupe.db"))).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // SQLite's own 2 MB page cache, not the 16 MB better-sqlite3 builds it with: resident memory, never given back.
    expect(db.pragma("cache_size", { simple: true })).toBe(-2000);
    expect(migrationVersions(db)).toEqual(
      Object.fromEntries(TROUPE_MIGRATIONS.map((owned) => [owned.owner, owned.steps.length])),
    );
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(["messages", "working_memory", "memories"]),
    );
    db.close();
  });

  it("keeps rows across a reopen and does not re-run migrations", () => {
    const dataDir = tempDir();
    const first = openTroupeStore({ dataDir });
    first.prepare("INSERT INTO working_memory (agent, scope, data, updated_at) VALUES ('a', 's', '{}', 1)").run();
    first.close();
    const second = openTroupeStore({ dataDir });
    expect(second.prepare("SELECT COUNT(*) AS n FROM working_memory").get()).toEqual({ n: 1 });
    second.close();
  });

  it("refuses a file that is not a database with one clear error", () => {
    const dataDir = tempDir();
    writeFileSync(
      join(dataDir, "troupe.db"),
      "this is not sqlite, just text that is long enough to look like a header",
    );
    expect(() => openStore({ dataDir })).toThrow(StoreOpenError);
    expect(() => openStore({ dataDir })).toThrow(/not a valid database/);
  });

  it("refuses a data folder path that is a file", () => {
    const file = join(tempDir(), "plain-file");
    writeFileSync(file, "x");
    expect(() => openStore({ dataDir: file })).toThrow(/cannot be created or is not writable/);
  });
});

describe("openStore on a database it may read but not write", () => {
  const tempDir = useTempDir();

  it("refuses at open with the read-only sentence, not at the first message", () => {
    const dataDir = tempDir();
    openStore({ dataDir }).close();
    // Root ignores file modes, so the open runs as an unprivileged user when the test runs as root.
    chmodSync(dataDir, 0o777);
    chmodSync(join(dataDir, "troupe.db"), 0o444);
    const script = `import { openStore } from "./src/store/index.ts";
      try { openStore({ dataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); }
      catch (error) { console.log(error.name + ": " + error.message); }`;
    const asRoot = process.getuid?.() === 0;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
      encoding: "utf8",
      ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: dataDir } } : {}),
    });
    expect(result.stdout.trim()).toBe(
      `StoreOpenError: Cannot use the data directory ${dataDir}: the database file is read-only or cannot be opened. Set TROUPE_DATA_DIR (or --data-dir) to a writable folder.`,
    );
  });
});
