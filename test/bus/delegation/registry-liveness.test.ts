import { afterEach, describe, expect, it } from "vitest";
import { Registry } from "../../../src/bus/delegation/index.js";
import { InProcessBus } from "../../../src/bus/transport/index.js";

const status = () => ({ capabilities: [{ name: "research", description: "finds facts" }], load: 0, stats: {} });

describe("the registry of live agents", () => {
  const registries: Registry[] = [];
  afterEach(async () => {
    for (const registry of registries.splice(0)) await registry.stop({ goodbye: false });
  });

  it("keeps its own process's agent live through an event loop stalled past three heartbeats", async () => {
    const bus = new InProcessBus();
    const registry = new Registry({ bus, instance: "here", heartbeatMs: 20 });
    registries.push(registry);
    await registry.start();
    await registry.announce("Theo", status);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Busy for five heartbeats: no beat can run, as under a long synchronous index build or a loaded machine.
    const until = Date.now() + 100;
    while (Date.now() < until);
    expect(registry.live().map((agent) => agent.name)).toEqual(["Theo"]);
  });

  it("still forgets another process's agent that falls silent", async () => {
    const bus = new InProcessBus();
    const here = new Registry({ bus, instance: "here", heartbeatMs: 20 });
    const there = new Registry({ bus, instance: "there", heartbeatMs: 20 });
    registries.push(here);
    await here.start();
    await there.start();
    await there.announce("Wren", status);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(here.live().map((agent) => agent.name)).toEqual(["Wren"]);
    await there.stop({ goodbye: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(here.live()).toEqual([]);
  });
});
