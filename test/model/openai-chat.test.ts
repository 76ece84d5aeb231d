import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Action } from "../../src/plugins/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { createRemoteAgent, direct } from "./remote-agent.js";

const rolled: number[] = [];
const rollDice: Action = {
  name: "roll_dice",
  description: "Roll a die with the given number of sides.",
  parameters: z.object({ sides: z.number().int() }),
  handler: (_ctx, { sides }) => {
    rolled.push(sides);
    return `You rolled ${sides - 1} on a d${sides}.`;
  },
};

describe("an agent on an OpenAI-compatible server", () => {
  const tempDir = useTempDir();
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
    rolled.length = 0;
  });
  afterEach(() => fake.close());

  it("answers with the model's reply to the character's composed prompt, and records usage", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    const reply = await agent.handle(direct("Hi! My name is Ada."));
    expect(reply?.text).toBe("You said: Hi! My name is Ada.");
    const [request] = fake.requests.filter((r) => r.endpoint === "chat");
    expect(request?.authorization).toBe("Bearer test-key");
    const [system, ...rest] = request?.body.messages ?? [];
    expect(system?.role).toBe("system");
    expect(String(system?.content)).toContain("Juno");
    expect(rest.at(-1)).toMatchObject({ role: "user", content: "Hi! My name is Ada." });
    const usage = agent.usage.chat;
    expect(usage.calls).toBe(1);
    expect(usage.totalTokens).toBeGreaterThan(0);
    await agent.stop();
  });

  it("streams the reply token by token to onToken when asked", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    const tokens: string[] = [];
    const reply = await agent.handle(direct("tell me a story please"), { onToken: (token) => tokens.push(token) });
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join("")).toBe(reply?.text);
    expect(fake.requests.find((r) => r.endpoint === "chat")?.body.stream).toBe(true);
    expect(agent.usage.chat.totalTokens).toBeGreaterThan(0);
    await agent.stop();
  });

  it("runs the action the model chose by a tool call and answers with its result", async () => {
    const agent = await createRemoteAgent(tempDir(), fake, { actions: [rollDice] });
    fake.script("chat", { kind: "tool-call", name: "roll_dice", args: { sides: 20 } });
    const reply = await agent.handle(direct("roll a d20 for me"));
    expect(rolled).toEqual([20]);
    expect(reply?.actions).toMatchObject([{ name: "roll_dice", ok: true, result: "You rolled 19 on a d20." }]);
    expect(reply?.text).toBe("Done: You rolled 19 on a d20.");
    const chats = fake.requests.filter((r) => r.endpoint === "chat");
    expect(chats[0]?.body.tools?.map((tool) => tool.function.name)).toEqual(["roll_dice"]);
    expect(chats[1]?.body.messages?.at(-1)).toMatchObject({ role: "tool", content: "You rolled 19 on a d20." });
    await agent.stop();
  });

  it("runs two tool steps, then gives the model's final answer", async () => {
    const agent = await createRemoteAgent(tempDir(), fake, { actions: [rollDice] });
    fake.script(
      "chat",
      { kind: "tool-call", name: "roll_dice", args: { sides: 6 } },
      { kind: "tool-call", name: "roll_dice", args: { sides: 8 } },
      { kind: "reply", text: "A 5 and a 7: lucky you." },
    );
    const reply = await agent.handle(direct("roll a d6 and then a d8"));
    expect(rolled).toEqual([6, 8]);
    expect(reply?.actions.map((run) => run.result)).toEqual(["You rolled 5 on a d6.", "You rolled 7 on a d8."]);
    expect(reply?.text).toBe("A 5 and a 7: lucky you.");
    expect(agent.usage.chat.calls).toBe(3);
    await agent.stop();
  });

  it("stops calling tools after a bounded number of steps", async () => {
    const agent = await createRemoteAgent(tempDir(), fake, { actions: [rollDice] });
    const endless = Array.from({ length: 20 }, () => ({
      kind: "tool-call" as const,
      name: "roll_dice",
      args: { sides: 4 },
    }));
    fake.script("chat", ...endless);
    const reply = await agent.handle(direct("keep rolling forever"));
    expect(reply?.text).toMatch(/^You rolled 3 on a d4\./);
    const chats = fake.requests.filter((r) => r.endpoint === "chat").length;
    expect(chats).toBeLessThan(10);
    expect(rolled.length).toBe(chats - 1);
    await agent.stop();
  });
});
