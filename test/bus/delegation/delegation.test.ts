import { afterEach, describe, expect, it } from "vitest";
import {
  BusNode,
  DelegationFailedError,
  HopLimitError,
  InProcessBus,
  NoAgentForCapabilityError,
} from "../../../src/bus/index.js";
import { fakeAgent } from "../fake-agents.js";

const nodes: BusNode[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close();
});

async function nodeWith(...agents: ReturnType<typeof fakeAgent>[]): Promise<BusNode> {
  const node = await BusNode.connect({ bus: new InProcessBus({ maxAttempts: 1 }), timeoutMs: 500 });
  nodes.push(node);
  await node.start();
  for (const agent of agents) await node.serve(agent);
  return node;
}

describe("delegation", () => {
  it("hands a task to the agent that can do it and returns its answer", async () => {
    const theo = fakeAgent("Theo", ["research"], (input) => `Findings on ${input}`);
    const node = await nodeWith(
      theo,
      fakeAgent("Wren", ["write"], () => "a poem"),
    );
    const result = await node.delegator.delegate({ capability: "research", input: "tides", from: "Juno" });
    expect(result).toMatchObject({ agent: "Theo", text: "Findings on tides", attempts: 1 });
  });

  it("says which capabilities exist when nobody can do what was asked", async () => {
    const node = await nodeWith(
      fakeAgent("Theo", ["research"], () => ""),
      fakeAgent("Wren", ["write"], () => ""),
    );
    const error = await node.delegator
      .delegate({ capability: "translate", input: "hola", from: "Juno" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoAgentForCapabilityError);
    expect((error as Error).message).toBe("No agent can do 'translate'. Agents on the bus can do: research, write.");
  });

  it("retries on another agent when the first one fails", async () => {
    const broken = fakeAgent("Ada", ["research"], () => {
      throw new Error("library closed");
    });
    const theo = fakeAgent("Theo", ["research"], () => "found it");
    const node = await nodeWith(broken, theo);
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await node.delegator.delegate({ capability: "research", input: `q${i}`, from: "Juno" }));
    }
    expect(results.every((result) => result.agent === "Theo" && result.text === "found it")).toBe(true);
    expect(broken.calls.length).toBeGreaterThan(0);
  });

  it("fails clearly when every agent fails or times out", async () => {
    const slow = fakeAgent("Theo", ["research"], () => new Promise<string>(() => {}));
    const node = await nodeWith(slow);
    const error = await node.delegator
      .delegate({ capability: "research", input: "q", from: "Juno", retries: 1, timeoutMs: 100 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DelegationFailedError);
    expect((error as Error).message).toMatch(/Theo \(no answer within 100 ms\)/);
  });

  it("never delegates back to the caller and stops long chains", async () => {
    const node = await nodeWith(
      fakeAgent("Juno", ["conversation"], () => "hi"),
      fakeAgent("Wren", ["write"], () => ""),
    );
    const back = await node.delegator
      .delegate({ capability: "conversation", input: "q", from: "Theo", path: ["Juno"] })
      .catch((caught: unknown) => caught);
    expect(back).toBeInstanceOf(NoAgentForCapabilityError);
    const long = await node.delegator
      .delegate({ capability: "write", input: "q", from: "D", path: ["A", "B", "C"] })
      .catch((caught: unknown) => caught);
    expect(long).toBeInstanceOf(HopLimitError);
  });

  it("keeps answering other requests while one delegation waits", async () => {
    let release: (text: string) => void = () => {};
    const slow = fakeAgent("Theo", ["research"], () => new Promise<string>((resolve) => (release = resolve)));
    const node = await nodeWith(
      slow,
      fakeAgent("Wren", ["write"], (input) => `poem about ${input}`),
    );
    const waiting = node.delegator.delegate({ capability: "research", input: "q", from: "Juno", timeoutMs: 5000 });
    const quick = await node.delegator.delegate({ capability: "write", input: "cats", from: "Juno" });
    expect(quick.text).toBe("poem about cats");
    release("done");
    expect((await waiting).text).toBe("done");
  });
});
