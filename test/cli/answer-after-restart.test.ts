import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/discord-server.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { startFakeTelegram } from "../fakes/telegram/fake-telegram.js";
import { startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const BOT = { token: "7001:restart-secret", id: 7001, username: "juno_bot", first_name: "Juno" };

/** Kills the process as a crash or the OOM killer would: no clean stop, nothing flushed. */
async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

/** Whether the model was asked to answer a message containing `text`. */
function asked(model: FakeOpenAIServer, text: string): boolean {
  return model.requests.some(
    (request) => request.endpoint === "chat" && JSON.stringify(request.body.messages ?? []).includes(text),
  );
}

describe("troupe start after a SIGKILL", () => {
  const tempDir = useTempDir();

  it("answers, once, the Telegram message it had acknowledged and not answered when it was killed", async () => {
    const telegram = await startFakeTelegram([BOT]);
    const model = await startFakeOpenAIServer();
    // The first answer never comes while the first process lives.
    model.script("chat", { kind: "slow", delayMs: 20_000 });
    const dataDir = tempDir();
    const env = {
      TELEGRAM_BOT_TOKEN: BOT.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: "sk-test",
    };
    const start = () => startCli(["start", "--port", "0", "--data-dir", dataDir], /HTTP API on/, { env });
    try {
      const first = await start();
      await telegram.userSays(BOT.token, {
        from: { id: 42, first_name: "Alice" },
        chat: { id: 42, type: "private" },
        text: "What is the tallest mountain on Mars?",
      });
      // Asked the model, so recorded and acknowledged; killed before the model answers.
      await telegram.waitFor(() => asked(model, "tallest mountain on Mars"));
      await kill(first.child);
      expect(telegram.sent).toEqual([]);

      const second = await start();
      try {
        await telegram.waitFor(() => telegram.sent.length > 0, 15_000);
        // Long enough for a second copy to arrive if one were coming.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(telegram.sent).toEqual([
          expect.objectContaining({ chat_id: 42, text: expect.stringContaining("tallest mountain on Mars") }),
        ]);
      } finally {
        second.child.kill("SIGTERM");
        await once(second.child, "close");
      }
    } finally {
      await model.close();
      await telegram.close();
    }
  }, 40_000);

  it("answers on Discord, once each, the message it was killed on and the messages sent while it was down", async () => {
    const discord = await FakeDiscord.start();
    const bot = discord.addBot("juno_bot");
    const alice = discord.addUser("alice");
    const bo = discord.addUser("bo");
    const model = await startFakeOpenAIServer();
    model.script("chat", { kind: "slow", delayMs: 20_000 });
    const dataDir = tempDir();
    const env = {
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_BOT_TOKEN: bot.token,
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: "sk-test",
    };
    const start = () => startCli(["start", "--port", "0", "--data-dir", dataDir], /HTTP API on/, { env });
    const repliesIn = (channelId: string) => discord.sent.filter((sent) => sent.channelId === channelId);
    try {
      const first = await start();
      const aliceDm = discord.dm(alice, bot);
      discord.say(alice, aliceDm, "Which moon of Saturn has lakes?");
      await discord.waitFor(() => asked(model, "Which moon of Saturn has lakes"), "the question reaching the model");
      await kill(first.child);
      // Written while no process holds the bot's session.
      const boDm = discord.dm(bo, bot);
      discord.say(bo, boDm, "Where is Olympus Mons?");

      const second = await start();
      try {
        await discord.waitFor(() => repliesIn(aliceDm.id).length > 0 && repliesIn(boDm.id).length > 0, "both answers");
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(repliesIn(aliceDm.id).map((sent) => sent.message.content)).toEqual([
          expect.stringContaining("Which moon of Saturn has lakes"),
        ]);
        expect(repliesIn(boDm.id).map((sent) => sent.message.content)).toEqual([
          expect.stringContaining("Where is Olympus Mons"),
        ]);
      } finally {
        second.child.kill("SIGTERM");
        await once(second.child, "close");
      }
    } finally {
      await model.close();
      await discord.close();
    }
  }, 40_000);
});
