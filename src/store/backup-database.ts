import type Database from "better-sqlite3";
import { BackupError } from "./backup-error.js";
import { openSqlite } from "./open-sqlite.js";

/**
 * Copies the SQLite database at `source` to `target` with SQLite's online
 * backup API: a consistent snapshot while another process (a running
 * troupe) keeps writing. The copy is checked (`PRAGMA quick_check`) before
 * it is trusted. Returns the copy's size in pages.
 *
 * @example await backupDatabase("data/troupe.db", "backups/monday/troupe.db");
 */
export async function backupDatabase(source: string, target: string): Promise<number> {
  let db: Database.Database;
  try {
    db = openSqlite(source, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError({ path: source, reason: `cannot read it (${(error as Error).message})`, cause: error });
  }
  try {
    const { totalPages } = await db.backup(target);
    checkDatabase(target);
    return totalPages;
  } finally {
    db.close();
  }
}

/** Throws `BackupError` naming the file unless SQLite finds it sound (`PRAGMA quick_check`). */
export function checkDatabase(file: string): void {
  let db: Database.Database;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError({ path: file, reason: `cannot read it (${(error as Error).message})`, cause: error });
  }
  try {
    const result = db.pragma("quick_check", { simple: true });
    if (result !== "ok") throw new BackupError({ path: file, reason: `SQLite finds it damaged (${String(result)})` });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError({ path: file, reason: `not a Troupe database (${(error as Error).message})`, cause: error });
  } finally {
    db.close();
  }
}
