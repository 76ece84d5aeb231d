import { TroupeError } from "../../errors/index.js";

/** Thrown when `--bus` or `REDIS_URL` names something that is not a Redis URL. */
export class UnknownBusError extends TroupeError {
  readonly url: string;

  constructor(options: { url: string }) {
    // The URL is shown without its password, like every bus URL Troupe prints.
    const shown = options.url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
    super({
      code: "BUS_UNKNOWN",
      category: "USER",
      message: `Unknown bus '${shown}': expected redis://host:port or rediss://… (or nothing, for the in-process bus).`,
    });
    this.url = shown;
  }
}
