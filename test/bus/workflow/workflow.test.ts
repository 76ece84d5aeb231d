import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";

import { BusNode, InProcessBus, parseWorkflow, WorkflowDefinitionError } from "../../../src/bus/index.js";
import { openTroupeStore } from "../../../src/runtime/index.js";
import type { Store } from "../../../src/store/index.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { fakeAgent } from "../fake-agents.js";
import { eventually } from "../transport/bus-contract.js";

const article = parseWorkflow({
  name: "article",
  steps: [
    { id: "facts", capability: "research", input: "facts about {{input.topic}}" },
    { id: "angle", capability: "outline", input: "an angle on {{input.topic}}" },
    { id: "draft", capability: "write", input: "{{steps.facts.output}} + {{steps.angle.output}}" },
  ],
});

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function node(dataDir: string, agents: ReturnType<typeof fakeAgent>[]): Promise<BusNode> {
  const db = openTroupeStore({ dataDir });
  stores.push(db);
  const created = await BusNode.connect({ bus: new InProcessBus(), timeoutMs: 5000 });
  await created.start(db);
  for (const agent of agents) await created.serve(agent);
  return created;
}

describe("workflows", () => {
  const tempDir = useTempDir();

  it("runs two steps in parallel and joins them", async () => {
    let inFlight = 0;
    let most = 0;
    const parallel = async (text: string) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(30);
      inFlight--;
      return text.toUpperCase();
    };
    const bus = await node(tempDir(), [
      fakeAgent("Theo", ["research"], parallel),
      fakeAgent("Olive", ["outline"], parallel),
      fakeAgent("Wren", ["write"], (text) => `draft: ${text}`),
    ]);
    const progress: string[] = [];
    const result = await bus.runWorkflow(article, { topic: "tides" }, (event) =>
      progress.push(`${event.step}:${event.status}`),
    );
    expect(result.status).toBe("succeeded");
    expect(result.output).toBe("draft: FACTS ABOUT TIDES + AN ANGLE ON TIDES");
    expect(most).toBe(2);
    expect(progress).toContain("draft:succeeded");
    await bus.close();
  });

  it("resumes after a crash without redoing the finished steps", async () => {
    const dataDir = tempDir();
    const theo = fakeAgent("Theo", ["research"], () => "facts");
    const olive = fakeAgent("Olive", ["outline"], () => "angle");
    const stuck = fakeAgent("Wren", ["write"], () => new Promise<string>(() => {}));
    const first = await node(dataDir, [theo, olive, stuck]);
    void first.runWorkflow(article, { topic: "tides" });
    await eventually(() => expect(stuck.calls).toHaveLength(1));
    // The process dies here: its bus and its run are abandoned, the store keeps what finished.
    (stores.pop() as Store).close();

    const wren = fakeAgent("Wren", ["write"], (text) => `draft: ${text}`);
    const again = [
      fakeAgent("Theo", ["research"], () => "new facts"),
      fakeAgent("Olive", ["outline"], () => "x"),
      wren,
    ];
    const second = await node(dataDir, again);
    const resumed = await second.runWorkflow(article, { topic: "tides" });
    expect(resumed.resumed).toBe(true);
    expect(resumed.status).toBe("succeeded");
    expect(resumed.output).toBe("draft: facts + angle");
    expect(again[0]?.calls).toEqual([]);
    expect(again[1]?.calls).toEqual([]);
    expect(theo.calls).toHaveLength(1);
    expect(wren.calls).toHaveLength(1);
    await second.close();
  });

  it("under fail-fast stops at the first failure; under continue runs what does not need it", async () => {
    const steps = [
      { id: "a", capability: "broken", input: "x" },
      { id: "b", capability: "write", input: "y" },
      { id: "c", capability: "write", input: "{{steps.a.output}}" },
    ];
    const agents = () => [
      fakeAgent("Bad", ["broken"], () => {
        throw new Error("nope");
      }),
      fakeAgent("Wren", ["write"], (text) => `w:${text}`),
    ];
    const bus = await node(tempDir(), agents());
    const cont = await bus.runWorkflow(parseWorkflow({ name: "c", onFailure: "continue", steps }), {});
    expect(cont.status).toBe("partial");
    expect(Object.fromEntries(cont.steps.map((step) => [step.id, step.status]))).toEqual({
      a: "failed",
      b: "succeeded",
      c: "skipped",
    });
    await bus.close();
  });

  it("skips a step whose condition is false", async () => {
    const bus = await node(tempDir(), [fakeAgent("Wren", ["write"], (text) => text)]);
    const workflow = parseWorkflow({
      name: "maybe",
      steps: [
        { id: "a", capability: "write", input: "one" },
        { id: "b", capability: "write", input: "two", when: "{{input.polish}}" },
      ],
    });
    const result = await bus.runWorkflow(workflow, { polish: false });
    expect(result.steps.find((step) => step.id === "b")?.status).toBe("skipped");
    await bus.close();
  });

  it("refuses a workflow with a cycle or an unknown step, naming each problem", () => {
    const error = (() => {
      try {
        parseWorkflow({
          name: "bad",
          steps: [
            { id: "a", capability: "x", input: "{{steps.b.output}}" },
            { id: "b", capability: "x", input: "{{steps.a.output}}", dependsOn: ["ghost"] },
          ],
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    expect((error as Error).message).toMatch(/depends on 'ghost'/);
    expect((error as Error).message).toMatch(/a → b → a is a cycle|b → a → b is a cycle/);
  });
});
