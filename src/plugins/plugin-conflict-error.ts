import { TroupeError } from "../errors/index.js";

/** Two plugins of one character define the same action (or provider, evaluator, service, step) name. */
export class PluginConflictError extends TroupeError {
  readonly kind: string;
  readonly itemName: string;
  readonly plugins: [string, string];
  readonly file: string;

  constructor(options: { kind: string; name: string; plugins: [string, string]; file: string }) {
    super({
      code: "PLUGIN_CONFLICT",
      category: "USER",
      message: `${options.file}: plugins ${options.plugins[0]} and ${options.plugins[1]} both define the ${options.kind} "${options.name}"; remove one of them from "plugins".`,
    });
    this.kind = options.kind;
    this.itemName = options.name;
    this.plugins = options.plugins;
    this.file = options.file;
  }
}
