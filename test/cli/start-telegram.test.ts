import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startFakeTelegram } from "../fakes/telegram/fake-telegram.js";
import { startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const BOT = { token: "7001:e2e-secret-token", id: 7001, username: "juno_bot", first_name: "Juno" };

describe("troupe start with a Telegram bot", () => {
  const tempDir = useTempDir();

  it("connects the bot named in the environment, says so, and answers a DM", async () => {
    const fake = await startFakeTelegram([BOT]);
    const env = { TELEGRAM_BOT_TOKEN: BOT.token, TELEGRAM_API_ROOT: fake.apiRoot };
    const { child, output } = await startCli(["start", "--port", "0", "--data-dir", tempDir()], /HTTP API on/, { env });
    try {
      expect(output()).toContain(
        "telegram @juno_bot for Juno: DMs, and group messages that mention it, reply to it or name it",
      );
      expect(output()).not.toContain("connector telegram: off");
      expect(output()).not.toContain(BOT.token);
      await fake.userSays(BOT.token, {
        from: { id: 42, first_name: "Alice" },
        chat: { id: 42, type: "private" },
        text: "Hi! My name is Alice.",
      });
      await fake.waitFor(() => fake.sent.length === 1, 15_000);
      expect(fake.sent[0]).toMatchObject({ chat_id: 42 });
      expect(fake.sent[0]?.text).toContain("Alice");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "close");
    expect(code).toBe(0);
    await fake.close();
  });

  it("starts without the bot when Telegram rejects its token, naming the character and variable", async () => {
    const fake = await startFakeTelegram([BOT]);
    const env = { TELEGRAM_BOT_TOKEN: "7001:wrong", TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" };
    const { child, output, errors } = await startCli(["start", "--port", "0", "--data-dir", tempDir()], /HTTP API on/, {
      env,
    });
    child.kill("SIGTERM");
    await once(child, "close");
    expect(errors().trim()).toBe(
      "connector telegram for Juno: telegram rejected the bot token of Juno, from TELEGRAM_BOT_TOKEN (environment): copy the token again from @BotFather (/mybots, API Token).",
    );
    expect(output()).toMatch(/agent Juno ready/);
    await fake.close();
  });
});
