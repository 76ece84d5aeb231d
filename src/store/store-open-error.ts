import { TroupeError } from "../errors/index.js";

/** The data directory or database file cannot be used (read-only, locked, not a database). */
export class StoreOpenError extends TroupeError {
  readonly path: string;

  constructor(options: { path: string; reason: string; cause?: unknown }) {
    super({
      code: "STORE_OPEN_FAILED",
      category: "USER",
      message: `Cannot use the data directory ${options.path}: ${options.reason}. Set TROUPE_DATA_DIR (or --data-dir) to a writable folder.`,
      cause: options.cause,
    });
    this.path = options.path;
  }
}
