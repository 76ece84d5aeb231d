import type { Plugin } from "troupe";
import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterEach } from "vitest";

/** Registers an afterEach that stops every agent made so far; returns the function that makes one with plugins. */
export function pluginTestAgents(): (
  plugins: Plugin[],
  options?: Parameters<typeof createTestAgent>[0],
) => Promise<TestAgent> {
  const agents: TestAgent[] = [];
  afterEach(async () => {
    for (const agent of agents.splice(0)) await agent.stop();
  });
  return async (plugins, options = {}) => {
    const agent = await createTestAgent({ plugins, ...options });
    agents.push(agent);
    return agent;
  };
}
