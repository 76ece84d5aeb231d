import { TroupeError } from "../errors/index.js";

/** SQLite found `troupe.db` damaged (scrambled pages, not a database): what is wrong and how to get going again. */
export class StoreDamagedError extends TroupeError {
  readonly path: string;

  constructor(options: { path: string; detail: string; cause?: unknown }) {
    super({
      code: "STORE_DAMAGED",
      category: "USER",
      message: `${options.path} is damaged (${options.detail}). Restore it from a backup, or move it aside and start again with empty memory; "sqlite3 troupe.db .recover" may save most of it.`,
      cause: options.cause,
    });
    this.path = options.path;
  }
}

/** True for SQLite's errors about a damaged file: `SQLITE_CORRUPT*` and `SQLITE_NOTADB`. */
export function isDamagedDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB");
}
