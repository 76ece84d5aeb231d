import { TroupeError } from "../errors/index.js";

/** A backup could not be made or restored: `path` names the file or folder, `reason` says why. */
export class BackupError extends TroupeError {
  readonly path: string;

  constructor(options: { path: string; reason: string; cause?: unknown }) {
    super({
      code: "STORE_BACKUP",
      category: "USER",
      message: `${options.path}: ${options.reason}.`,
      cause: options.cause,
    });
    this.path = options.path;
  }
}
