import { type Action, definePlugin, z } from "troupe";
import { describe, expect, it } from "vitest";
import { pluginTestAgents } from "../helpers/plugin-test-agents.js";
import { RecordingChatModel } from "../helpers/recording-chat-model.js";

function action(name: string, handler: Action["handler"], extra: Partial<Action> = {}): Action {
  return {
    name,
    description: `The ${name} action.`,
    examples: [`please ${name} now`],
    parameters: z.object({}),
    handler,
    ...extra,
  };
}

describe("plugins at run time", () => {
  const agentWith = pluginTestAgents();

  it("answers politely when a handler throws, hangs or returns junk, and keeps serving", async () => {
    const flaky = definePlugin({
      name: "flaky",
      actions: [
        action("explode", () => {
          throw new Error("kaboom");
        }),
        action("stall", () => new Promise<string>(() => {})),
        action("mumble", () => ({ not: "text" }) as unknown as string),
      ],
    });
    const agent = await agentWith([flaky], { pluginTimeoutMs: 200 });
    for (const [message, name, words] of [
      ["please explode now", "explode", "ran into a problem"],
      ["please stall now", "stall", "ran into a problem"],
      ["please mumble now", "mumble", "gave an answer I could not read"],
    ] as const) {
      const reply = await agent.send(message);
      expect(reply.actions).toEqual([expect.objectContaining({ name, ok: false })]);
      expect(reply.text).toContain(words);
      expect(reply.text).not.toContain("kaboom");
    }
    expect((await agent.send("hello")).text.length).toBeGreaterThan(0);
  });

  it("lets only the character's admins run an admin action", async () => {
    const admin = definePlugin({ name: "admin", actions: [action("wipe", () => "wiped", { admin: true })] });
    const agent = await agentWith([admin], { character: { connectors: { test: { admins: ["boss"] } } } });
    const refused = await agent.send("please wipe now");
    expect(refused.actions[0]).toMatchObject({ name: "wipe", ok: false });
    expect(refused.text).toContain("only an admin of Tester may use wipe");
    const allowed = await agent.send("please wipe now", { user: { id: "boss", name: "Boss" } });
    expect(allowed.actions[0]).toMatchObject({ name: "wipe", ok: true, result: "wiped" });
  });

  it("asks for confirmation first and runs the action only after yes", async () => {
    let runs = 0;
    const careful = definePlugin({
      name: "careful",
      actions: [action("reset", () => `reset ${++runs}`, { confirm: true, description: "Resets the counter." })],
    });
    const agent = await agentWith([careful]);
    const asked = await agent.send("please reset now");
    expect(asked.text).toBe("Before I reset (resets the counter): shall I go ahead? Say yes or no.");
    expect(runs).toBe(0);
    expect((await agent.send("no")).text).toContain("won't");
    expect(runs).toBe(0);
    await agent.send("please reset now");
    // Another user's yes does not count.
    await agent.send("yes", { user: { id: "other", name: "Other" } });
    expect(runs).toBe(0);
    const done = await agent.send("yes");
    expect(done.text).toBe("reset 1");
    expect(runs).toBe(1);
  });

  it("adds provider lines to the prompt's context, and leaves out a failing provider", async () => {
    const chat = new RecordingChatModel({});
    const context = definePlugin({
      name: "context",
      providers: [
        { name: "weather", get: (ctx) => `weather for ${ctx.message.user.name}: sunny` },
        {
          name: "broken",
          get: () => {
            throw new Error("no data");
          },
        },
      ],
    });
    const agent = await agentWith([context], { chat });
    expect((await agent.send("hi")).text).toBe("ok");
    const system = String(chat.prompts[0]?.[0]?.content);
    expect(system).toContain("weather for Sam: sunny");
  });

  it("runs evaluators after the reply with what was said and done, and starts and stops services", async () => {
    const seen: string[] = [];
    const lifecycle: string[] = [];
    const watcher = definePlugin({
      name: "watcher",
      actions: [
        action("ping", (ctx) => {
          ctx.reply("pinging…");
          return `pong from ${ctx.service<string>("clock")}`;
        }),
      ],
      evaluators: [
        {
          name: "log",
          run: (ctx) => void seen.push(`${ctx.message.text} -> ${ctx.reply.actions.map((run) => run.name)}`),
        },
      ],
      services: [
        {
          name: "clock",
          start: () => {
            lifecycle.push("start");
            return "tick";
          },
          stop: (handle) => void lifecycle.push(`stop ${handle}`),
        },
      ],
    });
    const agent = await agentWith([watcher]);
    expect(lifecycle).toEqual(["start"]);
    const reply = await agent.send("please ping now");
    expect(reply.actions[0]?.result).toBe("pong from tick");
    expect(agent.outbound.map((message) => message.text)).toEqual(["pinging…"]);
    await agent.agent.settle();
    expect(seen).toEqual(["please ping now -> ping"]);
    await agent.agent.stop();
    expect(lifecycle).toEqual(["start", "stop tick"]);
  });
});
