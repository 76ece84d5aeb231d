import { TroupeError } from "../errors/index.js";

/** A user name fits several stored users (`ada` on the terminal and over HTTP): the stored id must be given. */
export class AmbiguousUserError extends TroupeError {
  readonly user: string;
  readonly matches: string[];

  constructor(options: { user: string; matches: string[] }) {
    super({
      code: "MEMORY_USER_AMBIGUOUS",
      category: "USER",
      message: `${options.user} could mean ${options.matches.join(", ")}: pass one of these ids`,
    });
    this.user = options.user;
    this.matches = options.matches;
  }
}
