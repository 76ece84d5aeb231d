import { once } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/discord-server.js";
import { startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe start with Discord", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it("runs a character's bot from DISCORD_BOT_TOKEN and DISCORD_API_URL, says what it answers, and answers a DM", async () => {
    const bot = fake.addBot("juno_bot");
    const alice = fake.addUser("alice");
    const { child, output } = await startCli(["start", "--port", "0", "--data-dir", tempDir()], /HTTP API on/, {
      env: { DISCORD_API_URL: fake.apiUrl, DISCORD_BOT_TOKEN: bot.token },
    });
    try {
      expect(output()).toMatch(
        /discord @juno_bot for Juno: DMs, and server messages that mention it, reply to it or name Juno; MessageContent intent: on/,
      );
      expect(output()).not.toMatch(/connector discord: off/);
      fake.say(alice, fake.dm(alice, bot), "Hello Juno! My name is Alice.");
      await fake.waitFor(() => fake.sent.length === 1, "the DM reply");
      expect(fake.sent[0]?.message.content).toContain("Alice");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "close");
    expect(code).toBe(0);
  });

  it("reports a rejected DISCORD_API_TOKEN in one line without the token, and keeps the rest running", async () => {
    const bot = fake.addBot("old_bot");
    bot.rejectedAt = "gateway";
    const { child, errors, output } = await startCli(["start", "--port", "0", "--data-dir", tempDir()], /HTTP API on/, {
      env: { DISCORD_API_URL: fake.apiUrl, DISCORD_API_TOKEN: bot.token },
    });
    try {
      const lines = errors()
        .split("\n")
        .filter((line) => line.includes("rejected"));
      expect(lines).toEqual([
        expect.stringMatching(
          /^connector discord for Juno: Discord rejected the bot token of Juno, from DISCORD_API_TOKEN \(environment\)/,
        ),
      ]);
      expect(errors() + output()).not.toContain(bot.token);
      expect(output()).toMatch(/agent Theo ready/);
    } finally {
      child.kill("SIGTERM");
    }
    await once(child, "close");
  });
});
