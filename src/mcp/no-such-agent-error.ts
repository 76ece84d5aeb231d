import { TroupeError } from "../errors/index.js";

/** An MCP client named an agent the troupe does not run. */
export class NoSuchAgentError extends TroupeError {
  readonly agent: string;
  readonly available: string[];

  constructor(options: { agent: string; available: string[] }) {
    super({
      code: "MCP_NO_SUCH_AGENT",
      category: "USER",
      message: `No agent named ${options.agent}. This troupe runs: ${options.available.join(", ") || "no agents"}.`,
    });
    this.agent = options.agent;
    this.available = options.available;
  }
}
