import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkDatabase } from "../../store/index.js";
import { CliError } from "../cli-error.js";
import { backupManifestSchema } from "./backup-manifest.js";

/** Files of a data folder that a restore replaces. */
const REPLACED = ["troupe.db", "troupe.db-wal", "troupe.db-shm", "index"];

/**
 * `troupe restore <folder>`: puts a backup made by `troupe backup` back as
 * the data folder. The troupe must be stopped. A data folder that already
 * holds a database is refused unless `force`; then its files are moved to
 * `before-restore-<time>/` in it, never deleted. Returns where they went.
 */
export function restoreCommand(options: { folder: string; dataDir: string; force?: boolean }): { setAside?: string } {
  const folder = resolve(options.folder);
  const manifestFile = join(folder, "manifest.json");
  if (!existsSync(manifestFile)) {
    throw new CliError("RESTORE_NOT_A_BACKUP", `${folder} is not a Troupe backup: it has no manifest.json.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestFile, "utf8"));
  } catch {
    throw new CliError("RESTORE_NOT_A_BACKUP", `${manifestFile}: not JSON.`);
  }
  const manifest = backupManifestSchema.safeParse(raw);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw new CliError(
      "RESTORE_NOT_A_BACKUP",
      `${manifestFile}: ${issue?.path.join(".") || "manifest"}: ${issue?.message}.`,
    );
  }
  checkDatabase(join(folder, "troupe.db"));
  const dataDir = resolve(options.dataDir);
  let setAside: string | undefined;
  if (existsSync(join(dataDir, "troupe.db"))) {
    if (!options.force) {
      throw new CliError(
        "RESTORE_DATA_EXISTS",
        `${dataDir} already holds troupe.db. Stop the troupe, then run again with --force: its files are moved to ${dataDir}/before-restore-<time>/, not deleted.`,
      );
    }
    setAside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
    mkdirSync(setAside, { recursive: true });
    for (const name of REPLACED)
      if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(setAside, name));
  }
  mkdirSync(join(dataDir, "index"), { recursive: true });
  copyFileSync(join(folder, "troupe.db"), join(dataDir, "troupe.db"));
  for (const file of readdirSync(join(folder, "index")).filter((name) => name.endsWith(".hnsw"))) {
    copyFileSync(join(folder, "index", file), join(dataDir, "index", file));
  }
  return { setAside };
}
