import { describe, expect, it } from "vitest";
import { useTempDir } from "../../helpers/temp-dir.js";
import { ALICE, ALICE_DM, BOB, BOB_DM, GROUP, JUNO_BOT, startTelegramTroupe, THEO_BOT } from "./telegram-harness.js";

describe("Telegram connector", () => {
  const tempDir = useTempDir();

  it("answers a direct message, showing typing first and without quoting it", async () => {
    const { fake, connect, close } = await startTelegramTroupe(tempDir());
    const juno = await connect("Juno");
    expect(juno.connectedAs()).toBe("@juno_bot");
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Hi! My name is Alice." });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]).toMatchObject({ chat_id: 42, parse_mode: "HTML", reply_to: undefined });
    expect(fake.sent[0]?.text).toContain("Alice");
    const methods = fake.calls.filter((call) => call.token === JUNO_BOT.token).map((call) => call.method);
    expect(methods.indexOf("sendChatAction")).toBeGreaterThan(-1);
    expect(methods.indexOf("sendChatAction")).toBeLessThan(methods.indexOf("sendMessage"));
    await close();
  });

  it("leaves an unaddressed group message alone and says why; answers a mention or a reply, quoting it", async () => {
    const { fake, connect, close, waitForReason } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: GROUP, text: "nice weather today" });
    await waitForReason(/not addressed in a group room/);
    expect(fake.sent).toHaveLength(0);

    const mention = await fake.userSays(JUNO_BOT.token, {
      from: ALICE,
      chat: GROUP,
      text: "@juno_bot what is your name?",
    });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]).toMatchObject({ chat_id: GROUP.id, reply_to: mention.message_id });

    const replyTo = { message_id: fake.sent[0]?.message_id as number, from: JUNO_BOT, text: "..." };
    const reply = await fake.userSays(JUNO_BOT.token, {
      from: BOB,
      chat: GROUP,
      text: "and who are you really?",
      replyTo,
    });
    await fake.waitFor(() => fake.sent.length === 2);
    expect(fake.sent[1]).toMatchObject({ chat_id: GROUP.id, reply_to: reply.message_id });
    await close();
  });

  it("keeps each forum topic a room of its own and answers inside the topic", async () => {
    const { fake, troupe, connect, close } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, {
      from: ALICE,
      chat: GROUP,
      threadId: 7,
      text: "@juno_bot I need to renew my passport",
    });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]?.message_thread_id).toBe(7);
    await troupe.agent("Juno")?.settle();
    // The goal belongs to the topic's room, not to the group's general room.
    const working = troupe.agent("Juno")?.working;
    expect(working?.get(`room:${GROUP.id}:7`).goals?.join(" ")).toMatch(/passport/);
    expect(working?.get(`room:${GROUP.id}`).goals ?? []).toEqual([]);
    await close();
  });

  it("ignores its own echo and other bots, saying why", async () => {
    const { fake, connect, close, waitForReason } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.deliver(JUNO_BOT.token, {
      update_id: 1,
      message: {
        message_id: 5,
        from: { id: JUNO_BOT.id, is_bot: true, first_name: "Juno" },
        chat: ALICE_DM,
        date: 1,
        text: "echo",
      },
    });
    await waitForReason(/its own message/);
    const otherBot = { id: 555, first_name: "Spam", username: "spam_bot", is_bot: true };
    await fake.userSays(JUNO_BOT.token, { from: otherBot, chat: ALICE_DM, text: "hello Juno" });
    await waitForReason(/the sender is a bot \(connectors\.telegram\.allowBots is off\)/);
    expect(fake.sent).toHaveLength(0);
    await close();
  });

  it("lets two Troupe bots that allow bots talk in one group, then stops each after three bot messages in a row", async () => {
    const { fake, troupe, connect, close, waitForReason, reasons } = await startTelegramTroupe(tempDir());
    for (const name of ["Juno", "Theo"]) {
      const character = troupe.agent(name)?.character;
      if (character) character.connectors.telegram = { enabled: true, respondTo: "all", admins: [], allowBots: true };
    }
    await connect("Juno");
    await connect("Theo");
    fake.linkBotsIn(GROUP.id);
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: GROUP, text: "Hello you two, tell me about yourselves" });
    await fake.userSays(THEO_BOT.token, { from: ALICE, chat: GROUP, text: "Hello you two, tell me about yourselves" });
    await fake.waitFor(() => reasons().filter((reason) => /waiting for a human/.test(reason)).length === 2);
    await waitForReason(/waiting for a human/);
    // Each bot: one answer to Alice, then three to the other bot; the fourth bot message waits for a human.
    expect(fake.sent.filter((message) => message.token === JUNO_BOT.token)).toHaveLength(4);
    expect(fake.sent.filter((message) => message.token === THEO_BOT.token)).toHaveLength(4);
    await close();
  });

  it("answers /start with the character's greeting and /help from its bio; ignores a command for another bot", async () => {
    const { fake, troupe, connect, close, waitForReason } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "/start" });
    await fake.waitFor(() => fake.sent.length === 1);
    const juno = troupe.agent("Juno")?.character;
    const greeting = juno?.greeting ?? `Hi Alice, I'm Juno. ${juno?.bio[0]}`;
    expect(fake.sent[0]?.text).toBe(greeting.replace(/\{\{user\}\}/g, "Alice"));
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: GROUP, text: "/help@juno_bot" });
    await fake.waitFor(() => fake.sent.length === 2);
    expect(fake.sent[1]?.text).toContain("I'm Juno.");
    expect(fake.sent[1]?.text).toContain("mention @juno_bot");
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: GROUP, text: "/help@theo_bot" });
    await waitForReason(/a command for @theo_bot/);
    expect(fake.sent).toHaveLength(2);
    await close();
  });

  it("reads a photo's caption as the message, and acknowledges a photo without one", async () => {
    const { fake, connect, close } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, {
      from: ALICE,
      chat: GROUP,
      photo: true,
      caption: "@juno_bot my name is Alice",
    });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]?.text).toContain("Alice");
    await fake.userSays(JUNO_BOT.token, { from: BOB, chat: BOB_DM, photo: true });
    await fake.waitFor(() => fake.sent.length === 2);
    expect(fake.sent[1]?.chat_id).toBe(BOB.id);
    await close();
  });

  it("keeps what a user said in a DM out of its group replies, with one profile per Telegram user", async () => {
    const { fake, troupe, connect, close } = await startTelegramTroupe(tempDir());
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "I live in Quito." });
    await fake.waitFor(() => fake.sent.length === 1);
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Where do I live?" });
    await fake.waitFor(() => fake.sent.length === 2);
    expect(fake.sent[1]?.text).toContain("Quito");

    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: GROUP, text: "@juno_bot where do I live?" });
    await fake.waitFor(() => fake.sent.length === 3);
    expect(fake.sent[2]?.chat_id).toBe(GROUP.id);
    expect(fake.sent[2]?.text).not.toContain("Quito");
    // The profile is the Telegram identity's, telegram:<user id>.
    expect(JSON.stringify(troupe.agent("Juno")?.working.get("user:telegram:42"))).toContain("Quito");
    await close();
  });

  it("answers only in allowed chats, a forum topic counting as its chat, and only allowed users", async () => {
    const { fake, troupe, connect, close, waitForReason } = await startTelegramTroupe(tempDir());
    const juno = troupe.agent("Juno")?.character;
    if (juno) {
      juno.connectors.telegram = { enabled: true, respondTo: "mentions", admins: [], allowRooms: [String(GROUP.id)] };
      juno.connectors.telegram.allowUsers = ["42", "telegram:43"];
    }
    await connect("Juno");
    await fake.userSays(JUNO_BOT.token, {
      from: ALICE,
      chat: GROUP,
      threadId: 9,
      text: "@juno_bot hello from a topic",
    });
    await fake.waitFor(() => fake.sent.length === 1);
    const elsewhere = { id: -100999, type: "supergroup" as const, title: "Elsewhere" };
    await fake.userSays(JUNO_BOT.token, { from: BOB, chat: elsewhere, text: "@juno_bot hello" });
    await waitForReason(/the room is not on the allowlist/);
    await fake.userSays(JUNO_BOT.token, { from: { id: 77, first_name: "Eve" }, chat: GROUP, text: "@juno_bot hi" });
    await waitForReason(/the sender is not on the allowlist/);
    expect(fake.sent).toHaveLength(1);
    await close();
  });
});
