import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { createRemindersPlugin } from "./index.js";
import { readTask, readWhen } from "./read-when.js";

describe("reading a reminder request", () => {
  const now = new Date(2025, 5, 3, 14, 0).getTime();
  it.each([
    ["remind me in 20 minutes to stretch", new Date(2025, 5, 3, 14, 20), "stretch"],
    ["remind me to call mom in 2 hours", new Date(2025, 5, 3, 16, 0), "call mom"],
    ["set a reminder for 5pm to take the bins out", new Date(2025, 5, 3, 17, 0), "take the bins out"],
    ["remind me tomorrow at 9 to pay rent", new Date(2025, 5, 4, 9, 0), "pay rent"],
    ["remind me at 10:30 to water my plants", new Date(2025, 5, 4, 10, 30), "water your plants"],
  ])("%j", (text, due, task) => {
    const when = readWhen(text, now);
    expect(when?.dueAt).toBe(due.getTime());
    expect(readTask(text, when)).toBe(task);
  });
});

describe("reminders plugin", () => {
  const agents: TestAgent[] = [];
  afterEach(async () => {
    for (const agent of agents.splice(0)) await agent.stop();
  });

  it("delivers a reminder to the same platform and room when it falls due", async () => {
    const agent = await createTestAgent({ plugins: [createRemindersPlugin()] });
    agents.push(agent);
    const room = { id: "kitchen", kind: "group" as const };
    const reply = await agent.send("remind me in 1 second to stretch", { room, platform: "discord", mention: true });
    expect(reply.actions.map((run) => run.name)).toEqual(["set_reminder"]);
    expect(reply.text).toContain("I'll remind you to stretch in 1 second");
    const delivered = await agent.nextOutbound();
    expect(delivered).toMatchObject({ agent: "Tester", platform: "discord", room, source: "reminders" });
    expect(delivered.text).toContain("Sam, here's your reminder: stretch");
  });

  it("lists and cancels reminders by number or by subject", async () => {
    const agent = await createTestAgent({ plugins: [createRemindersPlugin()] });
    agents.push(agent);
    await agent.send("remind me in 2 hours to call mom");
    await agent.send("remind me in 3 hours to take the bins out");
    const listed = await agent.send("what are my reminders?");
    expect(listed.actions.map((run) => run.name)).toEqual(["list_reminders"]);
    expect(listed.text).toMatch(/#1 call mom .*#2 take the bins out/);
    const byNumber = await agent.send("cancel reminder 2");
    expect(byNumber.actions.map((run) => run.name)).toEqual(["cancel_reminder"]);
    expect(byNumber.text).toContain("Cancelled reminder #2: take the bins out");
    expect((await agent.send("cancel my reminder to call mom")).text).toContain("Cancelled reminder #1: call mom");
    expect((await agent.send("list my reminders")).text).toContain("You have no reminders set");
  });

  it("delivers a reminder that fell due while the agent was stopped, after a restart", async () => {
    let clock = Date.now();
    const plugin = createRemindersPlugin({ now: () => clock });
    const dataDir = mkdtempSync(join(tmpdir(), "troupe-reminders-"));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await createTestAgent({ plugins: [plugin], dataDir });
    await first.send("remind me in 20 minutes to stretch", { platform: "telegram" });
    await first.stop();
    // Not delivered while it was not due.
    expect(first.outbound).toEqual([]);

    clock += 30 * 60_000;
    const second = await createTestAgent({ plugins: [plugin], dataDir });
    agents.push(second);
    const delivered = await second.nextOutbound();
    expect(delivered.platform).toBe("telegram");
    expect(delivered.text).toContain("stretch (a little late");
    expect((await second.send("what are my reminders?")).text).toContain("You have no reminders set");
  });

  it("asks when, instead of guessing, if the request has no time", async () => {
    const agent = await createTestAgent({ plugins: [createRemindersPlugin()] });
    agents.push(agent);
    expect((await agent.send("remind me to stretch")).text).toContain("When should I remind you?");
  });
});
