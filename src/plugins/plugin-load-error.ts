import { TroupeError } from "../errors/index.js";

/**
 * One or more plugins of a character could not be loaded. Each problem names
 * the plugin and the character file: `plugin ./plugins/x (from
 * characters/juno.json): actions[1].parameters: expected a zod schema`.
 */
export class PluginLoadError extends TroupeError {
  readonly problems: string[];

  constructor(options: { problems: string[]; cause?: unknown }) {
    super({ code: "PLUGIN_INVALID", category: "USER", message: options.problems.join("\n"), cause: options.cause });
    this.problems = options.problems;
  }
}
