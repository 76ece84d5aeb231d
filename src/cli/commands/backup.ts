import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { copyIndexFiles, pinIndexRecords } from "../../memory/index.js";
import { BackupError, backupDatabase, openSqlite } from "../../store/index.js";
import { CliError } from "../cli-error.js";
import { BACKUP_FORMAT, type BackupManifest } from "./backup-manifest.js";

/** What `troupe backup` wrote. */
export interface BackupReport {
  folder: string;
  databaseBytes: number;
  indexFiles: number;
}

/**
 * `troupe backup <folder>`: a consistent copy of a data folder, made while
 * the troupe runs. The index files are copied first (each checked against
 * its record), then troupe.db through SQLite's online backup, whose copy is
 * made to describe exactly those index files; a restored troupe loads them
 * and adds, from SQLite, what came after them.
 */
export async function backupCommand(options: { folder: string; dataDir: string }): Promise<BackupReport> {
  const folder = resolve(options.folder);
  const source = join(options.dataDir, "troupe.db");
  if (!existsSync(source)) {
    throw new CliError(
      "BACKUP_NO_DATA",
      `Nothing to back up: ${source} does not exist. Pass --data-dir to name the data folder.`,
    );
  }
  if (existsSync(folder) && (!statSync(folder).isDirectory() || readdirSync(folder).length > 0)) {
    throw new CliError("BACKUP_TARGET_EXISTS", `${folder} already exists and is not an empty folder; name a new one.`);
  }
  mkdirSync(join(folder, "index"), { recursive: true });
  const live = openSqlite(source, { readonly: true, fileMustExist: true });
  let records: ReturnType<typeof copyIndexFiles>;
  try {
    records = copyIndexFiles(live, join(options.dataDir, "index"), join(folder, "index"));
  } finally {
    live.close();
  }
  const target = join(folder, "troupe.db");
  await backupDatabase(source, target);
  const copy = openSqlite(target);
  try {
    pinIndexRecords(copy, records);
    // One self-contained file: what the write-ahead log holds goes into the database.
    copy.pragma("wal_checkpoint(TRUNCATE)");
    copy.pragma("journal_mode = DELETE");
  } catch (error) {
    throw new BackupError({
      path: target,
      reason: `could not finish the copy (${(error as Error).message})`,
      cause: error,
    });
  } finally {
    copy.close();
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    indexFiles: records.map((record) => record.name),
  };
  writeFileSync(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, databaseBytes: statSync(target).size, indexFiles: records.length };
}
