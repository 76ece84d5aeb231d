import type { BusNode } from "../bus/index.js";
import type { Connector } from "../connectors/index.js";
import { READY, type Readiness } from "../health/index.js";
import type { Agent } from "./agent.js";

/** What `GET /ready` shows: the troupe, and each part that makes it ready or not. */
export interface TroupeReadiness {
  ready: boolean;
  agents: ({ name: string } & Readiness)[];
  connectors: ({ platform: string } & Readiness)[];
  bus: Readiness;
}

/** The troupe is ready when every agent, every started connector and the bus is. */
export function troupeReadiness(
  agents: readonly Agent[],
  connectors: readonly Connector[],
  node: BusNode,
): TroupeReadiness {
  const report: TroupeReadiness = {
    ready: true,
    agents: agents.map((agent) => ({ name: agent.name, ...agent.readiness() })),
    connectors: connectors.map((connector) => ({
      platform: connector.platform,
      ...(connector.readiness?.() ?? READY),
    })),
    bus: node.readiness(),
  };
  report.ready = [...report.agents, ...report.connectors, report.bus].every((part) => part.ready);
  return report;
}
