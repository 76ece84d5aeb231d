import { TroupeError } from "../../errors/index.js";

/**
 * Nobody on the bus can do what was asked (or the only agents that can are
 * the caller and the agents it is working for).
 *
 * @example
 * new NoAgentForCapabilityError({ capability: "translate", available: ["research", "write"] }).message;
 * // "No agent can do 'translate'. Agents on the bus can do: research, write."
 */
export class NoAgentForCapabilityError extends TroupeError {
  readonly capability: string;
  readonly available: string[];

  constructor(options: { capability: string; available: string[] }) {
    const available = [...new Set(options.available)].sort();
    const offer =
      available.length > 0 ? `Agents on the bus can do: ${available.join(", ")}.` : "No other agent is on the bus.";
    super({
      code: "BUS_NO_AGENT_FOR_CAPABILITY",
      category: "USER",
      message: `No agent can do '${options.capability}'. ${offer}`,
    });
    this.capability = options.capability;
    this.available = available;
  }
}
