import { afterEach, describe, expect, it } from "vitest";
import calculator from "../../../plugins/calculator/index.js";
import { rememberSecret } from "../../../src/errors/index.js";
import { defineAction, z } from "../../../src/index.js";
import { createTestAgent, type TestAgent } from "../../../src/testing/index.js";
import { captureLogs } from "../../helpers/capture-logs.js";

/** A step that fails the way a plugin's dependency does, with a secret in its message. */
const flaky = defineAction({
  name: "check_inventory",
  description: "Checks how many items are left in the warehouse inventory.",
  examples: ["check the warehouse inventory", "how many items are left in the inventory"],
  parameters: z.object({}),
  handler: (ctx) => {
    ctx.logger.info("checking the inventory");
    throw new Error("inventory database refused password s3cret-hunter2-pass");
  },
});

describe("the trace of a message", () => {
  let tester: TestAgent | undefined;
  afterEach(async () => {
    await tester?.stop();
    tester = undefined;
  });

  it("records the steps in order, the memory recalled with its score, the prompt's sections and the action run", async () => {
    // A short window, so what Ada said four turns ago is no longer in it and must come back through recall.
    tester = await createTestAgent({ plugins: [calculator], character: { memory: { shortTermTurns: 2 } } });
    await tester.send("I adopted a grey cat called Miso last spring.");
    for (const filler of ["The weather is mild today.", "I had soup for lunch.", "Trains were late again."]) {
      await tester.send(filler);
    }
    await tester.agent.settle();
    const asked = await tester.send("Tell me about my cat Miso.");

    const trace = tester.agent.trace(asked.traceId ?? "")?.view();
    expect(trace?.id).toBe(asked.traceId);
    expect(trace?.reply).toBe(asked.text);
    expect(trace?.steps.map((step) => step.name)).toEqual([
      "record",
      "decide",
      "recall",
      "compose",
      "generate",
      "act",
      "reply",
      "reflect",
    ]);
    for (const step of trace?.steps ?? []) expect(step.durationMs).toBeGreaterThanOrEqual(0);
    const recalled = trace?.recalled.find((memory) => memory.text.includes("grey cat called Miso"));
    expect(recalled).toMatchObject({ kind: "message", id: expect.any(Number) });
    expect(recalled?.score).toBeGreaterThan(0);

    const sections = trace?.prompt.sections ?? [];
    const named = (name: string) => sections.find((section) => section.name === name)?.tokens ?? 0;
    // The recalled line sits in "Things you remember": at least its own ~4 characters a token.
    expect(named("Things you remember")).toBeGreaterThanOrEqual(Math.ceil((recalled?.text.length ?? 0) / 4));
    expect(named("Who you are")).toBeGreaterThan(0);
    // Two earlier turns of the window, then the message itself: "Tell me about my cat Miso." is 26 characters.
    expect(named("history")).toBeGreaterThan(0);
    expect(named("message")).toBe(Math.ceil("Tell me about my cat Miso.".length / 4));
    expect(trace?.prompt.totalTokens).toBe(sections.reduce((sum, section) => sum + section.tokens, 0));

    const sum = await tester.send("what is 17 times 23?");
    const tools = tester.agent.trace(sum.traceId ?? "")?.view().tools;
    expect(tools).toEqual([
      {
        name: "calculate",
        args: expect.any(Object),
        result: "17 * 23 = 391",
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("keeps the action's real error, with secrets redacted, while the user only hears an apology", async () => {
    rememberSecret("s3cret-hunter2-pass");
    const { logger, lines } = captureLogs("info");
    tester = await createTestAgent({ actions: [flaky], logger });
    const reply = await tester.send("check the warehouse inventory please");
    expect(reply.text).not.toContain("database");

    const tool = tester.agent.trace(reply.traceId ?? "")?.view().tools[0];
    expect(tool?.name).toBe("check_inventory");
    expect(tool?.error).toContain("inventory database refused password");
    expect(tool?.error).not.toContain("s3cret-hunter2-pass");
    expect(tool?.result).toBeUndefined();

    // The action's own log line and the failure's carry the message's trace id.
    const failure = lines.find((line) => line.msg === "action failed");
    expect(failure?.traceId).toBe(reply.traceId);
    expect(failure?.agent).toBe("Tester");
    expect(lines.find((line) => line.msg === "checking the inventory")?.traceId).toBe(reply.traceId);
  });

  it("notes why the agent stayed silent, with the trace id on the debug line", async () => {
    const { logger, lines } = captureLogs("debug");
    tester = await createTestAgent({ logger });
    const silent = await tester.agent.handle({
      platform: "discord",
      room: { id: "general", kind: "group" },
      user: { id: "u1", name: "Ada" },
      text: "anyone around tonight?",
    });
    expect(silent).toBeUndefined();
    const [trace] = tester.agent.traces(1);
    const decide = trace?.view().steps.find((step) => step.name === "decide");
    expect(decide?.detail).toMatch(/^silent: not addressed/);
    expect(trace?.view().steps.map((step) => step.name)).toEqual(["record", "decide", "reply", "reflect"]);
    expect(lines.find((line) => line.msg === "not answering")?.traceId).toBe(trace?.id);
  });
});

describe("a step's own time", () => {
  it("takes out the steps a step ran through next, but not the stage after it", async () => {
    const { createLogger } = await import("../../../src/index.js");
    const { TurnTrace } = await import("../../../src/runtime/index.js");
    const message = {
      platform: "test",
      room: { id: "r", kind: "direct" as const },
      user: { id: "u", name: "Ada" },
      text: "hi",
    };
    const trace = new TurnTrace("Juno", message, "hi", createLogger({ level: "silent" }));
    // decide (0–10) ran recall (2–9) through next, which ran nothing; reply (10–13) is the next stage.
    const at = (name: string, startedAt: number, durationMs: number) =>
      Object.assign(trace.stepStarted(name), { startedAt, durationMs });
    at("decide", 1000, 10);
    at("recall", 1002, 7);
    at("reply", 1010, 3);
    expect(trace.ownSteps().map((step) => [step.name, step.durationMs])).toEqual([
      ["decide", 3],
      ["recall", 7],
      ["reply", 3],
    ]);
  });
});
