import { afterEach, describe, expect, it } from "vitest";
import { Registry } from "../../../src/bus/delegation/index.js";
import { InProcessBus } from "../../../src/bus/transport/index.js";

const research = [{ name: "research", description: "finds facts" }];
const status = () => ({ capabilities: research, load: 0, stats: {} });
const names = (registry: Registry, capability = "research") =>
  registry.candidates(capability).map((agent) => agent.name);

describe("the registry of live agents", () => {
  const registries: Registry[] = [];
  afterEach(async () => {
    for (const registry of registries.splice(0)) await registry.stop({ goodbye: false });
  });

  async function started(instance: string, heartbeatMs: number): Promise<Registry> {
    const registry = new Registry({ bus: new InProcessBus(), instance, heartbeatMs });
    registries.push(registry);
    await registry.start();
    return registry;
  }

  it("keeps its own process's agent live through an event loop stalled past three heartbeats", async () => {
    const registry = await started("here", 20);
    await registry.announce("Theo", status);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Busy for five heartbeats: no beat can run, as under a long synchronous index build or a loaded machine.
    const until = Date.now() + 100;
    while (Date.now() < until);
    expect(names(registry)).toEqual(["Theo"]);
  });

  it("offers a paused agent's capabilities again the moment it resumes, not a heartbeat later", async () => {
    // A heartbeat a minute apart: only reading the agent's state now can make this pass.
    const registry = await started("here", 60_000);
    let paused = false;
    await registry.announce("Theo", () => ({ ...status(), capabilities: paused ? [] : research }));
    paused = true;
    expect(names(registry)).toEqual([]);
    paused = false;
    expect(names(registry)).toEqual(["Theo"]);
  });

  /** Two processes on one bus: `there` runs Wren, and `here` has heard its first heartbeats. */
  async function hereAndThere(bus: InProcessBus): Promise<{ here: Registry; there: Registry }> {
    const here = new Registry({ bus, instance: "here", heartbeatMs: 20 });
    const there = new Registry({ bus, instance: "there", heartbeatMs: 20 });
    registries.push(here);
    await here.start();
    await there.start();
    await there.announce("Wren", status);
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { here, there };
  }

  it("still forgets another process's agent that falls silent", async () => {
    const { here, there } = await hereAndThere(new InProcessBus());
    expect(names(here)).toEqual(["Wren"]);
    await there.stop({ goodbye: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(here.live()).toEqual([]);
  });

  it("keeps another process's agent through its own bus outage, and forgets it only if still silent after", async () => {
    const bus = new InProcessBus();
    let ready = true;
    bus.status = () => (ready ? { ready: true } : { ready: false, reason: "Redis is unreachable" });
    const { here, there } = await hereAndThere(bus);
    // Redis goes away: no heartbeat arrives for five beats, and the other process stops beating meanwhile.
    ready = false;
    await there.stop({ goodbye: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(names(here)).toEqual(["Wren"]);
    ready = true;
    expect(names(here)).toEqual(["Wren"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(here.live()).toEqual([]);
  });
});
