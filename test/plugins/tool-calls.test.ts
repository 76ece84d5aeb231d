import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import calculator from "../../plugins/calculator/index.js";
import { createRemindersPlugin } from "../../plugins/reminders/index.js";
import { createTimePlugin } from "../../plugins/time/index.js";
import web from "../../plugins/web/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";

describe("first-party plugins called by a real model's tool calls (fake OpenAI server)", () => {
  let fake: FakeOpenAIServer;
  let agent: TestAgent;

  beforeAll(async () => {
    fake = await startFakeOpenAIServer();
    agent = await createTestAgent({
      plugins: [
        calculator,
        createTimePlugin({ now: () => new Date(Date.UTC(2025, 5, 3, 12, 0)) }),
        createRemindersPlugin(),
        web,
      ],
      character: {
        model: { provider: "openai-compatible", baseUrl: fake.url, apiKey: "test-key", model: "gpt-test" },
        settings: { timezone: "UTC" },
      },
    });
  });
  afterAll(async () => {
    await agent.stop();
    await fake.close();
  });

  /** The tool results the agent sent back to the model in its last chat request. */
  function toolResults(): unknown[] {
    const last = fake.requests.filter((request) => request.endpoint === "chat").at(-1);
    return (last?.body.messages ?? []).filter((message) => message.role === "tool").map((message) => message.content);
  }

  it.each([
    ["what's six times seven?", "calculate", { expression: "6 * 7" }, "6 * 7 = 42"],
    ["how far is 10 km in miles?", "convert_units", { query: "10 km to miles" }, "10 km = 6.214 miles"],
    [
      "what day will it be in a fortnight?",
      "date_after",
      { period: "in 14 days" },
      "In 14 days it will be Tuesday, 17 June 2025.",
    ],
    ["what time is it in Tokyo?", "current_time", { place: "Tokyo" }, "In Tokyo it is Tuesday, 3 June 2025 at 21:00."],
    [
      "ping me about the oven in 20 minutes",
      "set_reminder",
      { task: "check the oven", when: "in 20 minutes" },
      "I'll remind you to check the oven in 20 minutes",
    ],
    [
      "read https://example.com for me",
      "summarize_url",
      { url: "https://example.com" },
      "I'm not allowed to read pages on example.com.",
    ],
  ])("%j → %s", async (message, name, args, result) => {
    fake.script("chat", { kind: "tool-call", name, args }, { kind: "reply", text: "Here is what I found." });
    const reply = await agent.send(message);
    expect(reply.text).toBe("Here is what I found.");
    expect(reply.actions).toEqual([expect.objectContaining({ name, ok: true })]);
    expect(reply.actions[0]?.result).toContain(result);
    expect(JSON.stringify(toolResults())).toContain(result.replace(/"/g, '\\"'));
  });

  it("sends every action to the model as a tool with its parameters and examples", async () => {
    fake.script("chat", { kind: "reply", text: "Hello!" });
    await agent.send("hello");
    const last = fake.requests.filter((request) => request.endpoint === "chat").at(-1);
    const tools = (last?.body.tools ?? []) as { function: { name: string; description: string } }[];
    expect(tools.map((tool) => tool.function.name).sort()).toEqual([
      "calculate",
      "cancel_reminder",
      "convert_units",
      "current_time",
      "date_after",
      "list_reminders",
      "set_reminder",
      "summarize_url",
    ]);
    expect(tools.find((tool) => tool.function.name === "set_reminder")?.function.description).toContain(
      'Examples: "remind me in 20 minutes to stretch"',
    );
  });
});
