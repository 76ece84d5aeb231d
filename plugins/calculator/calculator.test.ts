import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import calculator from "./index.js";
import { evaluate } from "./parse-expression.js";

describe("expression parser", () => {
  it("follows precedence, associativity, unary minus, functions and implicit multiplication", () => {
    expect(evaluate("2 + 3 * 4")).toBe(14);
    expect(evaluate("(2 + 3) * 4")).toBe(20);
    expect(evaluate("2 ^ 3 ^ 2")).toBe(512);
    expect(evaluate("-2 ^ 2")).toBe(-4);
    expect(evaluate("2 ** 10")).toBe(1024);
    expect(evaluate("sqrt(16) + abs(-3)")).toBe(7);
    expect(evaluate("2pi")).toBeCloseTo(6.2831853);
    expect(evaluate("5!")).toBe(120);
    expect(evaluate("10 % 4")).toBe(2);
  });

  it("refuses what is not arithmetic instead of running it", () => {
    for (const source of ["process.exit()", "2 +", "(1 + 2", "1 / 0", "foo(3)", "2 $ 3"]) {
      expect(() => evaluate(source)).toThrow();
    }
  });
});

describe("calculator plugin", () => {
  let agent: TestAgent;
  beforeAll(async () => {
    agent = await createTestAgent({ plugins: [calculator] });
  });
  afterAll(() => agent.stop());

  it.each([
    ["what is 12 * (3 + 4)?", "= 84"],
    ["calculate 15% of 80", "= 12"],
    ["what is 17 times 23?", "= 391"],
    ["how much is 1234 divided by 7?", "= 176.2857143"],
    ["what's 2 to the power of 10?", "= 1,024"],
    ["what is 0.1 plus 0.2?", "= 0.3"],
    ["calculate 5 + 5", "= 10"],
  ])("calculates %j from a chat message", async (message, answer) => {
    const reply = await agent.send(message);
    expect(reply.actions.map((run) => run.name)).toEqual(["calculate"]);
    expect(reply.text).toContain(answer);
  });

  it.each([
    ["convert 5 km to miles", "5 km = 3.107 miles"],
    ["how many feet in 3 meters?", "3 m = 9.843 ft"],
    ["what is 100 fahrenheit in celsius?", "100 °F = 37.78 °C"],
    ["how many pounds is 70 kg?", "70 kg = 154.3 lb"],
    ["convert 5 kg to km", "kg measures mass and km measures length"],
  ])("converts %j from a chat message", async (message, answer) => {
    const reply = await agent.send(message);
    expect(reply.actions.map((run) => run.name)).toEqual(["convert_units"]);
    expect(reply.text).toContain(answer);
  });

  it("says so when asked to divide by zero", async () => {
    expect((await agent.send("calculate 1 / 0")).text).toContain("division by zero");
  });
});
