import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeDiscord, FakeUser } from "../../fakes/discord/discord-server.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { character, closeFakeDiscord, logged, openFakeDiscord, type RunningBot, startBot } from "./discord-harness.js";

/** About 5,000 characters in paragraphs of about 450, so every cut falls between two paragraphs. */
const LONG_REPLY = Array.from(
  { length: 11 },
  (_, index) =>
    `Paragraph ${index + 1}. ${"The troupe rehearses every evening in the old hall by the river. ".repeat(7).trim()}`,
).join("\n\n");

describe("Discord connector: getting replies through", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;
  let alice: FakeUser;
  const running: RunningBot[] = [];

  beforeEach(async () => {
    ({ fake, alice } = await openFakeDiscord());
  });
  afterEach(() => closeFakeDiscord(fake, running));

  async function juno(options: { replies?: string[]; dataDir?: string } = {}) {
    const bot = fake.addBot("juno_bot");
    const chat = options.replies ? new FakeListChatModel({ responses: options.replies }) : undefined;
    const started = await startBot({
      fake,
      bot,
      character: await character("host"),
      dataDir: options.dataDir ?? tempDir(),
      chat,
    });
    running.push(started);
    return { bot, ...started };
  }

  it("splits a 5,000-character reply at paragraph breaks into chunks that re-join to the original", async () => {
    expect(LONG_REPLY.length).toBeGreaterThan(4_900);
    const { bot } = await juno({ replies: [LONG_REPLY] });
    const question = fake.say(alice, fake.dm(alice, bot), "tell me everything");
    await fake.waitFor(() => fake.sent.length === 3, "three chunks");
    const chunks = fake.sent.map((sent) => sent.message.content);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2_000);
    for (const chunk of chunks) expect(chunk).toMatch(/^Paragraph \d+\./);
    expect(chunks.join("\n\n")).toBe(LONG_REPLY);
    expect(fake.sent[0]?.body.message_reference?.message_id).toBe(question.id);
    expect(fake.sent.slice(1).map((sent) => sent.body.message_reference)).toEqual([undefined, undefined]);
  });

  it("waits out a 429 and the reply arrives exactly once", async () => {
    const { bot } = await juno();
    fake.failNext({ status: 429, retryAfterSeconds: 1 });
    fake.say(alice, fake.dm(alice, bot), "hello there");
    await fake.waitFor(() => fake.sent.length === 1, "the reply after the rate limit");
    expect(fake.rateLimited).toBe(1);
    expect(fake.requests.filter((request) => request.path.endsWith("/messages"))).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sent).toHaveLength(1);
  });

  it("honours the rate-limit headers: a bucket of 2 holds the third chunk back instead of earning a 429", async () => {
    fake.bucket = { limit: 2, windowMs: 1_000 };
    const { bot } = await juno({ replies: [LONG_REPLY] });
    fake.say(alice, fake.dm(alice, bot), "tell me everything");
    await fake.waitFor(() => fake.sent.length === 3, "three chunks");
    expect(fake.rateLimited).toBe(0);
  });

  it("retries a send Discord failed with backoff, and a lost response does not post the reply twice", async () => {
    const { bot, logs } = await juno();
    // discord.js retries a 5xx three times at once; the connector's backoff takes over after that.
    fake.failNext(
      { status: 502 },
      { status: 502 },
      { status: 502 },
      { status: 502 },
      { status: 500, afterCreating: true },
    );
    fake.say(alice, fake.dm(alice, bot), "hello there");
    const sends = () => fake.requests.filter((request) => request.path.endsWith("/messages"));
    await fake.waitFor(() => sends().some((request) => request.status === 200), "a successful send");
    expect(sends().map((request) => request.status)).toEqual([502, 502, 502, 502, 500, 200]);
    expect(logs.filter((line) => line.msg === "Discord did not take a message; trying again")).toHaveLength(1);
    // The message the lost response created is the reply: the resend carried the same nonce.
    expect(fake.sent).toHaveLength(1);
  });

  it("logs a 403 in one channel and carries on answering elsewhere", async () => {
    const { bot, logs } = await juno();
    fake.forbid(fake.general);
    fake.say(alice, fake.general, `<@${bot.user.id}> hello`);
    await fake.waitFor(
      logged(logs, (line) => line.level === 40 && /403/.test(line.msg)),
      "the 403 warning",
    );
    fake.say(alice, fake.dm(alice, bot), "hello in private");
    await fake.waitFor(() => fake.sent.length === 1, "the DM reply");
    expect(fake.sent[0]?.channelId).not.toBe(fake.general.id);
  });

  it("resumes after the gateway drops, and answers each message once even when Discord delivers it again", async () => {
    const { bot } = await juno();
    fake.gateway.redeliverOnResume = 2;
    const dm = fake.dm(alice, bot);
    const first = fake.say(alice, dm, "first message");
    await fake.waitFor(() => fake.sent.length === 1, "the first reply");
    fake.gateway.dropConnections();
    const second = fake.say(alice, dm, "second message, sent while the bot was away");
    await fake.waitFor(() => fake.gateway.frames.some((frame) => frame.op === 6), "a RESUME");
    await fake.waitFor(() => fake.sent.length === 2, "the second reply");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const repliedTo = fake.sent.map((sent) => sent.body.message_reference?.message_id);
    expect(repliedTo).toEqual([first.id, second.id]);
  });

  it("does not answer a message again after a restart", async () => {
    const dataDir = tempDir();
    const first = await juno({ dataDir });
    const question = fake.say(alice, fake.dm(alice, first.bot), "hello before the restart");
    await fake.waitFor(() => fake.sent.length === 1, "the reply");
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const again = await startBot({ fake, bot: first.bot, character: await character("host"), dataDir });
    running.push(again);
    fake.redeliver(question);
    // The agent takes a room's messages in order: once the next one is answered, the redelivered one was handled.
    fake.say(alice, fake.dm(alice, first.bot), "hello after the restart");
    await fake.waitFor(() => fake.sent.length === 2, "the reply to the new message");
    expect(fake.sent.map((sent) => sent.body.message_reference?.message_id)).not.toContain(undefined);
    expect(fake.sent.filter((sent) => sent.body.message_reference?.message_id === question.id)).toHaveLength(1);
  });

  it("delivers a message the agent starts on its own to the room it names, and refuses what it cannot reach", async () => {
    const started = await juno();
    const { bot, connector } = started;
    const dm = fake.dm(alice, bot);
    const room = { id: dm.id, kind: "direct" as const };
    const reminder = { agent: "Juno", platform: "discord", room, text: "Alice, here's your reminder: stretch" };
    expect(await connector.deliver(reminder)).toBe(true);
    expect(fake.sent.map((sent) => [sent.channelId, sent.message.content])).toEqual([[dm.id, reminder.text]]);
    expect(await connector.deliver({ ...reminder, room: { id: "123456789012345678", kind: "direct" } })).toBe(false);
    expect(await connector.deliver({ ...reminder, agent: "Theo" })).toBe(false);
    expect(await connector.deliver({ ...reminder, platform: "telegram" })).toBe(false);
    await started.stop();
    running.splice(running.indexOf(started), 1);
    await connector.stop();
    expect(connector.connectedAs()).toBeUndefined();
    expect(await connector.deliver(reminder)).toBe(false);
    expect(fake.sent).toHaveLength(1);
  });

  it("with streamReplies, shows a draft while the model writes and edits it into the finished reply", async () => {
    const reply = "Here is the short answer to your question, written token by token by the model as it thinks.";
    const bot = fake.addBot("juno_bot");
    const streaming = await character("host", (loaded) => {
      loaded.connectors.discord = { enabled: true, respondTo: "mentions", admins: [], streamReplies: true };
    });
    const twoParts = LONG_REPLY.split("\n\n").slice(0, 5).join("\n\n");
    expect(twoParts.length).toBeGreaterThan(2_000);
    const chat = new FakeListChatModel({ responses: [reply, twoParts], sleep: 1 });
    const started = await startBot({
      fake,
      bot,
      character: streaming,
      dataDir: tempDir(),
      chat,
      connector: { draftIntervalMs: 20 },
    });
    running.push(started);
    const question = fake.say(alice, fake.dm(alice, bot), "a question");
    await fake.waitFor(() => fake.sent[0]?.message.content === reply, "the draft edited into the reply");
    // One message: the draft, sent before the model had finished, as a reply to the question, then edited.
    expect(fake.sent).toHaveLength(1);
    const draft = fake.sent[0]?.body.content ?? "";
    expect(draft.length).toBeLessThan(reply.length);
    expect(reply.startsWith(draft)).toBe(true);
    expect(fake.sent[0]?.body.message_reference?.message_id).toBe(question.id);
    expect(fake.edits.length).toBeGreaterThan(0);

    // Past 2,000 characters the draft becomes the first part and the rest follow as new messages.
    fake.say(alice, fake.dm(alice, bot), "another question");
    const joined = () =>
      fake.sent
        .slice(1)
        .map((sent) => sent.message.content)
        .join("\n\n");
    await fake.waitFor(() => fake.sent.length === 3 && joined() === twoParts, "two parts", 20_000);
    expect(fake.sent[1]?.body.message_reference?.message_id).toBeDefined();
    expect(fake.sent[2]?.body.message_reference).toBeUndefined();
  });
});
