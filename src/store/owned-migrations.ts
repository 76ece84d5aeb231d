/**
 * One owner's schema migrations: a subsystem (`memory`, `bus`, `workflows`)
 * or a plugin (`plugin:reminders`). Each owner counts its own versions, so
 * owners add migrations without touching each other's.
 *
 * @example
 * const migrations: OwnedMigrations = {
 *   owner: "plugin:notes",
 *   steps: ["CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"],
 * };
 */
export interface OwnedMigrations {
  /** Whose tables these are; recorded in `schema_migrations`. */
  owner: string;
  /** SQL scripts, each run once, in order, in a transaction. Append new ones; never edit one that has shipped. */
  steps: readonly string[];
}
