import { defineTroupeTool } from "../troupe-tool.js";

/** `system_status`: the agents, connectors, the bus's live agents and the tasks they have in hand. */
export const systemStatusTool = defineTroupeTool({
  name: "system_status",
  title: "Troupe status",
  description:
    "The troupe's state: its agents (model, capabilities, actions), its connectors, the agents live on the bus and the tasks they have in hand.",
  input: {},
  async run({ troupe }) {
    const agents = troupe.agents.map((agent) => ({
      name: agent.name,
      model: agent.modelDescription,
      capabilities: agent.character.capabilities.map((capability) => capability.name),
      mcpServers: agent.character.mcp.map((server) => server.name),
    }));
    const connectors = troupe.connected.map((connector) => ({
      platform: connector.platform,
      connectedAs: connector.connectedAs() ?? null,
    }));
    const live = troupe.node.registry.live();
    const tasksInHand = live.reduce((sum, agent) => sum + agent.load, 0);
    const data = { agents, connectors, bus: { instance: troupe.node.instance, live }, tasks: { inHand: tasksInHand } };
    const text = [
      `Agents: ${agents.map((agent) => `${agent.name} (${agent.model})`).join(", ")}`,
      `Connectors: ${connectors.map((connector) => connector.platform).join(", ") || "none"}`,
      `Live on the bus: ${live.map((agent) => `${agent.name}×${agent.instances}`).join(", ") || "none"}`,
      `Tasks in hand: ${tasksInHand}`,
    ].join("\n");
    return { text, data };
  },
});
