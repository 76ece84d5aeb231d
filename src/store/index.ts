/**
 * Storage: one SQLite file (`<dataDir>/troupe.db`, WAL) opened with
 * better-sqlite3, with versioned migrations applied at start. Every other
 * subsystem keeps its durable state here; SQLite is the source of truth.
 */
export { MIGRATIONS } from "./migrations.js";
export { type OpenStoreOptions, openStore, type Store } from "./open-store.js";
export { StoreOpenError } from "./store-open-error.js";
