import { accessSync, constants, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type Database from "better-sqlite3";
import { applyMigrations, migrationVersions, prepareMigrations } from "./apply-migrations.js";
import { openSqlite } from "./open-sqlite.js";
import type { OwnedMigrations } from "./owned-migrations.js";
import { StoreOpenError } from "./store-open-error.js";

/** The SQLite database every subsystem shares (better-sqlite3, synchronous). */
export type Store = Database.Database;

export interface OpenStoreOptions {
  /** Folder that holds `troupe.db` (created if missing). */
  dataDir: string;
  /** How long to wait for another process's write lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /** The owners' migrations to apply, in order (`openTroupeStore` passes memory, bus and workflows). Default none. */
  migrations?: readonly OwnedMigrations[];
}

/**
 * Opens (or creates) `<dataDir>/troupe.db` in WAL mode and applies the
 * given owners' pending migrations; plugins apply theirs when they load. Throws `StoreOpenError` with one clear sentence when the folder
 * is read-only, the file is locked or is not a database.
 *
 * @example const store = openStore({ dataDir: "./data" });
 */
export function openStore(options: OpenStoreOptions): Store {
  const dataDir = resolve(options.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (cause) {
    throw new StoreOpenError({ path: dataDir, reason: "the folder cannot be created or is not writable", cause });
  }
  let db: Store | undefined;
  try {
    db = openSqlite(join(dataDir, "troupe.db"), { timeout: options.busyTimeoutMs ?? 5000 });
    // NORMAL in WAL mode survives a process crash (not a power cut) and is far faster than FULL. Set before WAL,
    // so creating a new file does not sync as FULL would.
    db.pragma("synchronous = NORMAL");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection, which a store fills with every page it
    // ever touches (resident, never given back): SQLite's own default of 2 MB reads no more pages from the file in
    // the pipeline bench, and what it misses comes from the OS's cache (docs/benchmarks.md, eighth session).
    db.pragma("cache_size = -2000");
    applyAll(db, options.migrations ?? []);
    refuseReadOnly(db);
    return db;
  } catch (cause) {
    db?.close();
    throw new StoreOpenError({ path: dataDir, reason: describeSqliteFailure(cause), cause });
  }
}

/**
 * Every owner's pending migrations in one transaction (each step a savepoint inside it): a new database gets
 * its whole schema in one commit, not one per step. Nothing pending: no write lock is taken.
 */
function applyAll(db: Store, owners: readonly OwnedMigrations[]): void {
  prepareMigrations(db);
  const versions = migrationVersions(db);
  if (owners.every((owner) => (versions[owner.owner] ?? 0) >= owner.steps.length)) return;
  db.transaction(() => {
    for (const migrations of owners) applyMigrations(db, migrations);
  }).immediate();
}

/**
 * A database file the process may read but not write (mode 0444 for another user, `chattr +i`) opens
 * without complaint and would fail only at the first message. Rewriting the header's own user_version
 * is a write that changes nothing: it fails here, with SQLITE_READONLY, instead.
 */
function refuseReadOnly(db: Store): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  db.pragma(`user_version = ${version}`);
}

function describeSqliteFailure(cause: unknown): string {
  const code = (cause as { code?: string }).code ?? "";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return "the database is locked by another process";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN"))
    return "the database file is read-only or cannot be opened";
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return "troupe.db is not a valid database or is damaged: restore it from a backup, or move it aside to start with empty memory";
  }
  return cause instanceof Error ? cause.message : String(cause);
}
