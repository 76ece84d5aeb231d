import type { BaseMessage } from "@langchain/core/messages";
import { definePlugin, PluginLoadError, type PluginStep } from "troupe";
import { createTestAgent } from "troupe/testing";
import { describe, expect, it } from "vitest";
import { captureLogs } from "../helpers/capture-logs.js";
import { pluginTestAgents } from "../helpers/plugin-test-agents.js";
import { RecordingChatModel } from "../helpers/recording-chat-model.js";

const BLOCKED = "I can't help with that here.";

const moderation: PluginStep = {
  name: "moderation",
  at: "beforeGenerate",
  run: (ctx, next) => (/\bforbidden\b/i.test(ctx.text) ? ctx.respond(BLOCKED) : next()),
};

function promptText(prompt: BaseMessage[] | undefined): string {
  return (prompt ?? []).map((message) => String(message.content)).join("\n");
}

describe("plugin steps", () => {
  const agentWith = pluginTestAgents();

  it("lets a moderation step answer a message before the model ever sees it", async () => {
    const chat = new RecordingChatModel();
    const agent = await agentWith([definePlugin({ name: "moderation", steps: [moderation] })], { chat });

    const blocked = await agent.send("tell me the FORBIDDEN recipe");
    expect(blocked).toEqual({ text: BLOCKED, actions: [], traceId: expect.any(String) });
    expect(chat.prompts).toHaveLength(0);

    // Other messages still reach the model, and its answer is the reply.
    expect((await agent.send("what's the weather like?")).text).toBe("ok");
    expect(chat.prompts).toHaveLength(1);
    // The step's answer was recorded like any reply: the model reads it in the history.
    expect(promptText(chat.prompts[0])).toContain(BLOCKED);
  });

  it("runs the rest of the pipeline inside next(), so a step can replace the model's answer before it is recorded", async () => {
    const chat = new RecordingChatModel();
    const seen: (string | undefined)[] = [];
    const shout: PluginStep = {
      name: "shout",
      at: "beforeGenerate",
      async run(ctx, next) {
        seen.push(ctx.reply?.text);
        await next();
        seen.push(ctx.reply?.text);
        ctx.respond(`${ctx.reply?.text.toUpperCase()}!`);
      },
    };
    const agent = await agentWith([definePlugin({ name: "shout", steps: [shout] })], { chat });
    expect((await agent.send("hello")).text).toBe("OK!");
    expect(seen).toEqual([undefined, "ok"]);
    await agent.send("and again");
    expect(promptText(chat.prompts[1])).toContain("OK!");
  });

  it("runs a step after the reply with what went out, and lets it change nothing", async () => {
    const { logger, lines } = captureLogs("warn");
    const after: string[] = [];
    const audit: PluginStep = {
      name: "audit",
      at: "afterReply",
      run(ctx) {
        after.push(`${ctx.message.user.name} got ${ctx.reply?.text}`);
        ctx.respond("too late");
      },
    };
    const agent = await agentWith([definePlugin({ name: "audit", steps: [audit] })], {
      chat: new RecordingChatModel(),
      logger,
    });
    expect((await agent.send("hi")).text).toBe("ok");
    expect(after).toEqual(["Sam got ok"]);
    expect(lines).toContainEqual(
      expect.objectContaining({ plugin: "audit", step: "audit", msg: "step failed; skipped" }),
    );
  });

  it("logs and skips a step that throws, and the agent keeps answering", async () => {
    const { logger, lines } = captureLogs("warn");
    const chat = new RecordingChatModel();
    const broken: PluginStep = {
      name: "broken",
      at: "beforeGenerate",
      run: () => {
        throw new Error("kaboom");
      },
    };
    const agent = await agentWith([definePlugin({ name: "broken", steps: [broken, moderation] })], { chat, logger });
    expect((await agent.send("hello")).text).toBe("ok");
    // The steps after the broken one still run.
    expect((await agent.send("something forbidden")).text).toBe(BLOCKED);
    expect(chat.prompts).toHaveLength(1);
    const failures = lines.filter((line) => line.msg === "step failed; skipped");
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ plugin: "broken", step: "broken", err: { message: "kaboom" } });
  });

  it("logs and skips a step that hangs, without counting the time the rest of the pipeline takes", async () => {
    const { logger, lines } = captureLogs("warn");
    // The model takes longer than the plugin timeout: a step waiting in next() must not time out for it.
    const chat = new RecordingChatModel({ delayMs: 400 });
    const finished: string[] = [];
    const hanging: PluginStep = { name: "hanging", at: "beforeGenerate", run: () => new Promise(() => {}) };
    const patient: PluginStep = {
      name: "patient",
      at: "beforeGenerate",
      async run(_ctx, next) {
        await next();
        finished.push("patient");
      },
    };
    const agent = await agentWith([definePlugin({ name: "slow", steps: [hanging, patient] })], {
      chat,
      logger,
      pluginTimeoutMs: 150,
    });
    expect((await agent.send("hello")).text).toBe("ok");
    expect((await agent.send("hello again")).text).toBe("ok");
    expect(chat.prompts).toHaveLength(2);
    expect(finished).toEqual(["patient", "patient"]);
    const failures = lines.filter((line) => line.msg === "step failed; skipped");
    expect(failures.map((line) => line.step)).toEqual(["hanging", "hanging"]);
    expect(failures[0]).toMatchObject({ err: { message: "step hanging did not finish within 150 ms." } });
  });

  it("refuses a step without a position or a run function, naming the field", async () => {
    const bad = definePlugin({
      name: "bad",
      steps: [{ name: "x", at: "beforeReply", run: "no" } as unknown as PluginStep],
    });
    const error = await createTestAgent({ plugins: [bad] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as PluginLoadError).problems).toEqual([
      'plugin bad: steps[0].at: expected one of "beforeGenerate", "afterReply"',
      "plugin bad: steps[0].run: expected a function",
    ]);
  });
});
