import { TroupeError } from "../errors/index.js";

/** A reload of the agent is already under way; the second one is refused rather than queued. */
export class AgentReloadingError extends TroupeError {
  readonly agentName: string;

  constructor(options: { agent: string }) {
    super({
      code: "RUNTIME_AGENT_RELOADING",
      category: "USER",
      message: `${options.agent} is already being reloaded; try again once that reload has finished.`,
    });
    this.agentName = options.agent;
  }
}
