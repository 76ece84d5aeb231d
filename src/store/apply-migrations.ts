import type Database from "better-sqlite3";
import { legacyVersions } from "./legacy-versions.js";
import type { OwnedMigrations } from "./owned-migrations.js";

type Db = Database.Database;

/**
 * Creates the store's own bookkeeping, `schema_migrations` (one row per
 * owner: how many of its migrations have run). A database made while one
 * list counted every migration in `PRAGMA user_version` is adopted in place:
 * each owner is recorded at the version that list had reached for it.
 */
export function prepareMigrations(db: Db): void {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return;
  db.transaction(() => {
    db.exec(
      "CREATE TABLE schema_migrations (owner TEXT PRIMARY KEY, version INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
    );
    const record = db.prepare("INSERT INTO schema_migrations (owner, version, updated_at) VALUES (?, ?, ?)");
    for (const [owner, version] of legacyVersions(db.pragma("user_version", { simple: true }) as number)) {
      record.run(owner, version, Date.now());
    }
  }).immediate();
}

/**
 * Runs the owner's migrations that have not run yet, each in its own
 * transaction, and records them. Safe to call again (and from several
 * agents loading the same plugin): what has run is skipped.
 *
 * @example applyMigrations(db, { owner: "plugin:notes", steps: ["CREATE TABLE notes (text TEXT)"] });
 */
export function applyMigrations(db: Db, migrations: OwnedMigrations): void {
  prepareMigrations(db);
  const current = db.prepare("SELECT version FROM schema_migrations WHERE owner = ?").pluck();
  const record = db.prepare(
    `INSERT INTO schema_migrations (owner, version, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
  );
  for (let version = (current.get(migrations.owner) as number | undefined) ?? 0; ; version++) {
    const step = migrations.steps[version];
    if (step === undefined) return;
    db.transaction(() => {
      // Another process may have run it between the read and the write lock: read again inside.
      if (((current.get(migrations.owner) as number | undefined) ?? 0) > version) return;
      db.exec(step);
      record.run(migrations.owner, version + 1, Date.now());
    }).immediate();
  }
}

/** How many of each owner's migrations have run, by owner. */
export function migrationVersions(db: Db): Record<string, number> {
  prepareMigrations(db);
  const rows = db.prepare("SELECT owner, version FROM schema_migrations ORDER BY owner").all() as {
    owner: string;
    version: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.owner, row.version]));
}
