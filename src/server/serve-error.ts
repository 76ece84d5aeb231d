import { TroupeError } from "../errors/index.js";

/** The HTTP API could not listen (port taken, host unknown). */
export class ServeError extends TroupeError {
  constructor(options: { host: string; port: number; reason: string; cause?: unknown }) {
    super({
      code: "SERVER_LISTEN_FAILED",
      category: "USER",
      message: `Cannot serve HTTP on ${options.host}:${options.port}: ${options.reason}.`,
      cause: options.cause,
    });
  }
}
