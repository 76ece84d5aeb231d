import { TroupeError } from "../errors/index.js";

/** Two character files define characters with the same name (names route messages, so they must differ). */
export class DuplicateAgentError extends TroupeError {
  readonly agentName: string;
  readonly files: string[];

  constructor(options: { name: string; files: string[] }) {
    super({
      code: "RUNTIME_DUPLICATE_AGENT",
      category: "USER",
      message: `Two characters are named ${options.name} (${options.files.join(" and ")}). Rename one: names must be unique.`,
    });
    this.agentName = options.name;
    this.files = options.files;
  }
}
