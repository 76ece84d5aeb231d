/**
 * Storage: one SQLite file (`<dataDir>/troupe.db`, WAL) opened with
 * better-sqlite3. Every other subsystem keeps its durable state here; SQLite
 * is the source of truth. Each owner (memory, bus, workflows, each plugin)
 * keeps its own migrations and the store records, per owner, how many have
 * run (`schema_migrations`).
 */
export { applyMigrations, migrationVersions } from "./apply-migrations.js";
export { backupDatabase, checkDatabase } from "./backup-database.js";
export { BackupError } from "./backup-error.js";
export { GroupCommit, groupCommitOf } from "./group-commit.js";
export { openSqlite } from "./open-sqlite.js";
export { type OpenStoreOptions, openStore, type Store } from "./open-store.js";
export type { OwnedMigrations } from "./owned-migrations.js";
export { isDamagedDatabase, StoreDamagedError } from "./store-damaged-error.js";
export { isStoreFull, StoreFullError } from "./store-full-error.js";
export { StoreOpenError } from "./store-open-error.js";
