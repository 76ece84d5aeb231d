import { TroupeError } from "../errors/index.js";

/** The operator paused the agent: it takes no new turns until resumed. */
export class AgentPausedError extends TroupeError {
  readonly agentName: string;

  constructor(options: { agent: string }) {
    super({
      code: "RUNTIME_AGENT_PAUSED",
      category: "USER",
      message: `${options.agent} is paused (resume it with POST /agents/${encodeURIComponent(options.agent)}/resume).`,
    });
    this.agentName = options.agent;
  }
}
