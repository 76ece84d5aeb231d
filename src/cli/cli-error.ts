import { TroupeError } from "../errors/index.js";

/** A problem with how the command was run (environment, missing files), reported as one line. */
export class CliError extends TroupeError {
  constructor(code: string, message: string) {
    super({ code: `CLI_${code}`, category: "USER", message });
  }
}
