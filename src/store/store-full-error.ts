import { TroupeError } from "../errors/index.js";

/** SQLite could not write `troupe.db`: the disk (or the database's size limit) is full. Nothing stored before is lost. */
export class StoreFullError extends TroupeError {
  readonly path: string;

  constructor(options: { path: string; cause?: unknown }) {
    super({
      code: "STORE_FULL",
      category: "SYSTEM",
      message: `The disk holding ${options.path} is full: this message was not stored or answered. Free some space; everything stored before is intact.`,
      cause: options.cause,
    });
    this.path = options.path;
  }
}

/** True for SQLite's `SQLITE_FULL`: a write found no room (the transaction was rolled back whole). */
export function isStoreFull(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === "SQLITE_FULL";
}
