import { TroupeError } from "../errors/index.js";

/** A plugin hook (action handler, provider, evaluator, service start) did not finish in time. */
export class PluginTimeoutError extends TroupeError {
  readonly what: string;
  readonly ms: number;

  constructor(options: { what: string; ms: number }) {
    super({
      code: "PLUGIN_TIMEOUT",
      category: "THIRD_PARTY",
      message: `${options.what} did not finish within ${options.ms} ms.`,
    });
    this.what = options.what;
    this.ms = options.ms;
  }
}
