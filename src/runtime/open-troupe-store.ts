import { BUS_MIGRATIONS, WORKFLOW_MIGRATIONS } from "../bus/index.js";
import { MEMORY_MIGRATIONS } from "../memory/index.js";
import { type OpenStoreOptions, openStore, type Store } from "../store/index.js";

/** The subsystems that keep tables in the store, each with its own migrations. Plugins migrate theirs when they load. */
export const TROUPE_MIGRATIONS = [MEMORY_MIGRATIONS, BUS_MIGRATIONS, WORKFLOW_MIGRATIONS] as const;

/**
 * Opens `<dataDir>/troupe.db` with the tables of memory, the bus and
 * workflows migrated: what a troupe, `troupe memory …` and tests use.
 *
 * @example const db = openTroupeStore({ dataDir: "./data" });
 */
export function openTroupeStore(options: Omit<OpenStoreOptions, "migrations">): Store {
  return openStore({ ...options, migrations: TROUPE_MIGRATIONS });
}
