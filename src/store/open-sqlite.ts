import Database from "better-sqlite3";
import { sqliteAddonPath } from "./sqlite-addon.js";

/**
 * A better-sqlite3 connection on the compiled addon at its known place
 * (`sqliteAddonPath`). Every connection Troupe opens goes through here: the
 * package bundles better-sqlite3's JavaScript, and better-sqlite3's own search
 * for its addon (the `bindings` package) would look beside the bundle rather
 * than in better-sqlite3's folder.
 */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { ...options, nativeBinding: sqliteAddonPath() });
}
