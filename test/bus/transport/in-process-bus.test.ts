import { describe, expect, it } from "vitest";
import { createEnvelope, InProcessBus } from "../../../src/bus/index.js";
import { busContract, eventually } from "./bus-contract.js";

busContract("InProcessBus", {
  create: async () => new InProcessBus({ maxAttempts: 3 }),
  holdAndDie: async (bus, topic, group) => {
    let holding = false;
    const unsubscribe = await bus.subscribe(
      topic,
      () => {
        holding = true;
        return new Promise<void>(() => {});
      },
      { group },
    );
    await eventually(() => expect(holding).toBe(true));
    await unsubscribe();
  },
});

describe("InProcessBus", () => {
  it("runs higher-priority tasks first", async () => {
    const bus = new InProcessBus();
    for (const [payload, priority] of [
      ["low", 0],
      ["high", 9],
      ["mid", 5],
    ] as const) {
      await bus.publish("jobs", createEnvelope({ kind: "task", from: "t", payload, priority }));
    }
    const order: unknown[] = [];
    await bus.subscribe("jobs", (envelope) => void order.push(envelope.payload), { group: "g", concurrency: 1 });
    await eventually(() => expect(order).toEqual(["high", "mid", "low"]));
    await bus.close();
  });
});
