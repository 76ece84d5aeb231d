import { existsSync, writeFileSync } from "node:fs";
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
