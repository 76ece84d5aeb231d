import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeDiscord, FakeUser } from "../../fakes/discord/discord-server.js";
import { RecordingModel } from "../../helpers/offline-agent.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { character, closeFakeDiscord, logged, openFakeDiscord, type RunningBot, startBot } from "./discord-harness.js";

describe("Discord connector: when it answers", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;
  let alice: FakeUser;
  const running: RunningBot[] = [];

  beforeEach(async () => {
    ({ fake, alice } = await openFakeDiscord());
  });
  afterEach(() => closeFakeDiscord(fake, running));

  async function juno(options: { messageContentEnabled?: boolean; reply?: string; chat?: BaseChatModel } = {}) {
    const bot = fake.addBot("juno_bot", { messageContentEnabled: options.messageContentEnabled });
    const chat = options.reply ? new FakeListChatModel({ responses: [options.reply] }) : options.chat;
    const started = await startBot({ fake, bot, character: await character("host"), dataDir: tempDir(), chat });
    running.push(started);
    return { bot, ...started };
  }

  it("answers a DM as a reply to it, with a typing indicator, and the user known as discord:<id>", async () => {
    const { bot, agent } = await juno();
    const dm = fake.dm(alice, bot);
    const question = fake.say(alice, dm, "Hello Juno, my name is Alice.");
    await fake.waitFor(() => fake.sent.length === 1, "the DM reply");
    const [reply] = fake.sent;
    expect(reply?.channelId).toBe(dm.id);
    expect(reply?.body.message_reference?.message_id).toBe(question.id);
    expect(reply?.message.content.length).toBeGreaterThan(0);
    expect(fake.typing).toContainEqual({ bot: bot.user, channelId: dm.id });
    expect(agent.working.get(`user:discord:${alice.id}`).facts).toMatchObject({ name: "Alice" });
  });

  it("stays silent in a channel when not addressed, and the debug log says why", async () => {
    const { logs } = await juno();
    fake.say(alice, fake.general, "anyone around to talk about the weather?");
    await fake.waitFor(
      logged(logs, (line) => line.msg === "not answering" && /not addressed/.test(line.reason ?? "")),
      "the reason it did not answer",
    );
    expect(fake.sent).toEqual([]);
    expect(fake.typing).toEqual([]);
  });

  it("answers a mention in a channel as a reply to that message, in that channel", async () => {
    const { bot } = await juno();
    const question = fake.say(alice, fake.general, `<@${bot.user.id}> what do you do here?`);
    await fake.waitFor(() => fake.sent.length === 1, "the reply to the mention");
    expect(fake.sent[0]?.channelId).toBe(fake.general.id);
    expect(fake.sent[0]?.body.message_reference?.message_id).toBe(question.id);
  });

  it("answers a reply to one of its messages, and its name, without a mention", async () => {
    const { bot } = await juno();
    const first = fake.say(alice, fake.general, `<@${bot.user.id}> hi`);
    await fake.waitFor(() => fake.sent.length === 1, "the first reply");
    const ownMessage = fake.sent[0]?.message;
    if (!ownMessage) throw new Error("no reply");
    fake.say(alice, fake.general, "and how are you?", { replyTo: ownMessage });
    await fake.waitFor(() => fake.sent.length === 2, "the answer to a reply");
    fake.say(alice, fake.general, "Juno, what's your favourite colour?");
    await fake.waitFor(() => fake.sent.length === 3, "the answer to its name");
    expect(first.id).not.toBe(ownMessage.id);
  });

  it("keeps a thread's conversation in the thread", async () => {
    const { bot } = await juno();
    const question = fake.say(alice, fake.thread, `<@${bot.user.id}> tell me about the troupe`);
    await fake.waitFor(() => fake.sent.length === 1, "the reply in the thread");
    expect(fake.sent[0]?.channelId).toBe(fake.thread.id);
    expect(fake.sent[0]?.body.message_reference?.message_id).toBe(question.id);
  });

  it("ignores its own echo and other bots, saying why at debug level", async () => {
    const { bot, logs } = await juno();
    const other = fake.addUser("some_other_bot", { bot: true });
    fake.say(alice, fake.general, `<@${bot.user.id}> hi`);
    await fake.waitFor(
      logged(logs, (line) => /own message/.test(line.reason ?? "")),
      "its own echo ignored",
    );
    fake.say(other, fake.general, `<@${bot.user.id}> hello fellow bot`);
    await fake.waitFor(
      logged(logs, (line) => /is a bot/.test(line.reason ?? "")),
      "the other bot ignored",
    );
    expect(fake.sent).toHaveLength(1);
  });

  it("never pings @everyone, @here or a role, whatever the model writes", async () => {
    const { bot } = await juno({ reply: `@everyone and @here, meet <@&${fake.guild.id}> and <@${alice.id}>!` });
    fake.say(alice, fake.general, `<@${bot.user.id}> introduce me`);
    await fake.waitFor(() => fake.sent.length === 1, "the reply");
    const sent = fake.sent[0];
    expect(sent?.body.allowed_mentions).toEqual({ parse: ["users"], replied_user: true });
    expect(sent?.message.mentionEveryone).toBe(false);
    expect(sent?.message.mentionRoles).toEqual([]);
    expect(sent?.message.mentions.map((user) => user.id)).toContain(alice.id);
  });

  it("without the MessageContent intent, says so at start-up and still answers mentions and DMs", async () => {
    const { bot, connector, logs } = await juno({ messageContentEnabled: false });
    expect(connector.describeAnswers()).toMatch(
      /MessageContent intent: missing, so in servers it sees only messages that mention it/,
    );
    expect(logs.some((line) => /Privileged Gateway Intents/.test(line.msg) && line.level === 40)).toBe(true);
    fake.say(alice, fake.general, "Juno, are you there?");
    await fake.waitFor(
      logged(logs, (line) => /text is hidden/.test(line.reason ?? "")),
      "the hidden message ignored",
    );
    fake.say(alice, fake.general, `<@${bot.user.id}> are you there?`);
    await fake.waitFor(() => fake.sent.length === 1, "the reply to the mention");
    fake.say(alice, fake.dm(alice, bot), "and here?");
    await fake.waitFor(() => fake.sent.length === 2, "the DM reply");
  });

  it("keeps what a user said in a DM out of channel replies and their prompts, even to that user", async () => {
    const model = new RecordingModel({ character: await character("host") });
    const { bot } = await juno({ chat: model });
    fake.say(alice, fake.dm(alice, bot), "My name is Alice. I live in Oslo and I have a cat called Miso.");
    await fake.waitFor(() => fake.sent.length === 1, "the DM reply");
    const before = model.prompts.length;
    fake.say(alice, fake.general, `<@${bot.user.id}> where do I live, and what is my cat called?`);
    await fake.waitFor(() => fake.sent.length === 2, "the channel reply");
    expect(fake.sent[1]?.message.content).not.toMatch(/Oslo|Miso/);
    const prompts = model.prompts
      .slice(before)
      .flat()
      .map((message) => String(message.content))
      .join("\n");
    expect(prompts).not.toMatch(/Oslo|Miso/);
  });
});
