import { describe, expect, it } from "vitest";
import { connectPlatforms } from "../../../src/cli/connect-platforms.js";
import { telegramConnectorFactory } from "../../../src/connectors/telegram/index.js";
import { type FakeTelegram, startFakeTelegram } from "../../fakes/telegram/fake-telegram.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { ALICE, ALICE_DM, BOB, BOB_DM, JUNO_BOT, startTelegramTroupe, THEO_BOT } from "./telegram-harness.js";

const sendCalls = (fake: FakeTelegram) => fake.calls.filter((call) => call.method === "sendMessage");

describe("Telegram connector when things go wrong", () => {
  const tempDir = useTempDir();

  it("waits out a 429 for the retry_after Telegram asks, and the reply arrives exactly once", async () => {
    const { fake, connect, close } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    fake.failNext("sendMessage", {
      kind: "error",
      status: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Hi there!" });
    await fake.waitFor(() => fake.sent.length === 1);
    const [refused, accepted] = sendCalls(fake);
    expect(accepted?.at ?? 0).toBeGreaterThanOrEqual((refused?.at ?? 0) + 1000);
    // Nothing more is sent later: the 429 is not answered twice.
    await fake.userSays(JUNO_BOT.token, { from: BOB, chat: BOB_DM, text: "Hello!" });
    await fake.waitFor(() => fake.sent.length === 2);
    expect(fake.sent.filter((message) => message.chat_id === ALICE.id)).toHaveLength(1);
    await close();
  });

  it("recovers from dropped and failing getUpdates, and answers no message twice", async () => {
    const { fake, connect, close, lines, waitForReason } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    fake.failNext("getUpdates", { kind: "drop" }, 2);
    fake.failNext("getUpdates", { kind: "error", status: 502, description: "Bad Gateway" });
    const message = await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Are you there?" });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(lines.some((line) => line.msg === "could not get Telegram updates; trying again")).toBe(true);
    expect(lines.some((line) => line.msg === "receiving Telegram updates again")).toBe(true);

    // Telegram delivers the same message again (say its acknowledgement got lost): no second answer.
    await fake.deliver(JUNO_BOT.token, { update_id: 99, message });
    await waitForReason(/already handled/);
    expect(fake.sent).toHaveLength(1);
    await close();
  });

  it("answers no message twice across a restart, and confirms what it handled when it stops", async () => {
    const dataDir = tempDir();
    const fake = await startFakeTelegram([JUNO_BOT, THEO_BOT]);
    const first = await startTelegramTroupe(dataDir, fake);
    await first.connect("Juno");
    const message = await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Remember me?" });
    await fake.waitFor(() => fake.sent.length === 1);
    await first.close();
    const lastPoll = fake.calls.filter((call) => call.method === "getUpdates").at(-1);
    expect(lastPoll?.body).toMatchObject({ limit: 1 });
    expect(Number(lastPoll?.body.offset)).toBeGreaterThan(0);

    const second = await startTelegramTroupe(dataDir, fake);
    await second.connect("Juno");
    await fake.deliver(JUNO_BOT.token, { update_id: 500, message });
    await second.waitForReason(/already handled/);
    expect(fake.sent).toHaveLength(1);
    await second.close();
    await fake.close();
  });

  it("logs a 403 in one chat and carries on in the others", async () => {
    const { fake, connect, close, lines } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    fake.failNext("sendMessage", { kind: "error", status: 403, description: "Forbidden: bot was blocked by the user" });
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Hi!" });
    await fake.waitFor(() => lines.some((line) => String(line.msg).includes("(403)")));
    await fake.userSays(JUNO_BOT.token, { from: BOB, chat: BOB_DM, text: "Hi!" });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]?.chat_id).toBe(BOB.id);
    await close();
  });

  it("sends plain text when Telegram refuses the HTML entities", async () => {
    const { fake, troupe, connect, close } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    fake.failNext("sendMessage", {
      kind: "error",
      status: 400,
      description: "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 3",
    });
    const delivered = await troupe.connected[0]?.deliver({
      agent: "Juno",
      platform: "telegram",
      room: { id: String(ALICE.id), kind: "direct" },
      text: "A **bold** claim & <b>a tag</b>",
    });
    expect(delivered).toBe(true);
    expect(fake.sent).toEqual([
      expect.objectContaining({ text: "A **bold** claim & <b>a tag</b>", parse_mode: undefined }),
    ]);
    await close();
  });

  it("stops polling with one clear error on a 409 Conflict, instead of a loop", async () => {
    const { fake, connect, close, lines } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    // A second process starts polling the same token: Telegram ends the first one's request with 409.
    fake.failNext("getUpdates", {
      kind: "error",
      status: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    await fake.waitFor(() => lines.some((line) => line.level === 50));
    const errors = lines.filter((line) => Number(line.level) >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(
      /another process is receiving the updates of @juno_bot .*409 Conflict.*Run one Troupe per bot token/,
    );
    const polls = fake.calls.filter((call) => call.method === "getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((call) => call.method === "getUpdates").length).toBe(polls);
    await close();
  });

  it("refuses to start a second poller of one token with one line, and a rejected token stops only that bot", async () => {
    const { fake, troupe, close } = await startTelegramTroupe(tempDir());
    fake.failNext("getUpdates", {
      kind: "error",
      status: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const juno = troupe.agent("Juno")?.character;
    if (juno) juno.secrets.TELEGRAM_BOT_TOKEN = JUNO_BOT.token;
    const theo = troupe.agent("Theo")?.character;
    if (theo) theo.secrets.TELEGRAM_BOT_TOKEN = "1002:revoked";
    const lines = await connectPlatforms(troupe, { TELEGRAM_API_ROOT: fake.apiRoot }, [telegramConnectorFactory]);
    expect(lines).toEqual([
      {
        text: "connector telegram for Juno: another process is receiving the updates of @juno_bot (409 Conflict: terminated by other getUpdates request; make sure that only one bot instance is running); Juno's bot stops polling here. Run one Troupe per bot token.",
        failed: true,
      },
      {
        text: "connector telegram for Theo: telegram rejected the bot token of Theo, from TELEGRAM_BOT_TOKEN (Theo's secrets): copy the token again from @BotFather (/mybots, API Token).",
        failed: true,
      },
    ]);
    expect(lines.map((line) => line.text).join("\n")).not.toContain("revoked");
    // Once the other process is gone, Juno's bot starts; Theo's bad token did not stop it.
    const [again] = await connectPlatforms(troupe, { TELEGRAM_API_ROOT: fake.apiRoot }, [telegramConnectorFactory]);
    expect(again?.text).toMatch(/^telegram @juno_bot for Juno: DMs, and group messages/);
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Hello Juno" });
    await fake.waitFor(() => fake.sent.length === 1);
    await close();
  });
});
