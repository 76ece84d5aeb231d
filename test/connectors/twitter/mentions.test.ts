import { describe, expect, it } from "vitest";
import { useTwitterHarness, WREN } from "./twitter-harness.js";

describe("Twitter connector: mentions", () => {
  const { fakeX, startBot, tempDir } = useTwitterHarness();

  it("answers a mention with one threaded reply, signed with OAuth 1.0a", async () => {
    const fake = await fakeX();
    const mention = fake.mention({ text: "ping" });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]?.replyTo).toBe(mention.id);
    expect(fake.posts[0]?.text).toContain("Pong");
    expect(fake.requests.every((request) => request.authorization.startsWith("OAuth "))).toBe(true);
    expect(connector.connectedAs()).toBe("@testbot");
  });

  it("answers a mention once when two polls return it", async () => {
    const fake = await fakeX();
    fake.ignoreSinceId = true;
    fake.mention({ text: "ping" });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    await connector.pollMentions();
    expect(fake.requests.filter((request) => request.endpoint === "mentions").length).toBeGreaterThanOrEqual(2);
    expect(fake.posts).toHaveLength(1);
  });

  it("answers a mention once across a restart, and asks only for newer mentions after it", async () => {
    const fake = await fakeX();
    const dataDir = tempDir();
    const mention = fake.mention({ text: "ping" });
    const first = await startBot(fake, { dataDir });
    await first.connector.pollMentions();
    await first.stop();

    fake.ignoreSinceId = true;
    const second = await startBot(fake, { dataDir });
    await second.connector.pollMentions();
    expect(fake.posts).toHaveLength(1);
    const polls = fake.requests.filter((request) => request.endpoint === "mentions");
    expect(polls[0]?.query.since_id).toBeUndefined();
    expect(BigInt(polls.at(-1)?.query.since_id ?? "0")).toBeGreaterThanOrEqual(BigInt(mention.id));
  });

  it("never answers its own posts", async () => {
    const fake = await fakeX();
    fake.mention({ text: "note to self @testbot: ping", username: "testbot" });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(0);
  });

  it("treats the leading @handles of a reply as reply-chain metadata, not as a mention", async () => {
    const fake = await fakeX();
    const root = fake.mention({ text: "ping", username: "bob" });
    // Alice answers Bob in a thread the bot was named in: X puts both handles in front; she is not talking to the bot.
    fake.mention({
      text: "@testbot @bob ping",
      username: "alice",
      conversationId: root.conversation_id,
      inReplyTo: { tweetId: root.id, userId: root.author_id },
    });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    expect(fake.posts.map((post) => post.replyTo)).toEqual([root.id]);
  });

  it("answers a reply to its own post, and the reply does not start with a list of @handles", async () => {
    const fake = await fakeX();
    const character = {
      ...WREN,
      messageExamples: [
        [
          { user: "{{user1}}", content: { text: "ping" } },
          { user: "Wren", content: { text: "@carol @dave Pong! The kettle sang before anyone woke." } },
        ],
        [
          { user: "{{user1}}", content: { text: "hello there" } },
          { user: "Wren", content: { text: "@dave Hello! Pull up a chair." } },
        ],
      ],
    };
    const root = fake.mention({ text: "ping", username: "carol" });
    const { connector } = await startBot(fake, { character });
    await connector.pollMentions();
    const [ours] = fake.posts;
    fake.mention({
      text: "@testbot @carol hello there",
      username: "dave",
      conversationId: root.conversation_id,
      inReplyTo: { tweetId: ours?.id ?? "", userId: fake.me.id },
    });
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(2);
    expect(fake.posts[0]?.text).toBe("Pong! The kettle sang before anyone woke.");
    for (const post of fake.posts) expect(post.text).not.toMatch(/^\s*@/);
  });

  it("keeps a conversation in one room, so the agent remembers the thread", async () => {
    const fake = await fakeX();
    const root = fake.mention({ text: "my name is Alice and I like herons" });
    const { connector, troupe } = await startBot(fake);
    await connector.pollMentions();
    const [ours] = fake.posts;
    fake.mention({
      text: "@testbot what do I like?",
      conversationId: root.conversation_id,
      inReplyTo: { tweetId: ours?.id ?? "", userId: fake.me.id },
    });
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(2);
    expect(fake.posts[1]?.text.toLowerCase()).toContain("heron");
    await troupe.agents[0]?.settle();
  });

  it("answers one account at most once per cooldown, and others meanwhile", async () => {
    const fake = await fakeX();
    fake.mention({ text: "ping" });
    fake.mention({ text: "ping again" });
    fake.mention({ text: "hello there", username: "bob" });
    const { connector } = await startBot(fake, { env: { TWITTER_USER_COOLDOWN: "300" } });
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(2);
  });

  it("answers a known bot at most TWITTER_MAX_BOT_REPLIES times in one conversation, and only when bots are allowed", async () => {
    const fake = await fakeX();
    const root = fake.mention({ text: "ping", username: "otherbot" });
    const inThread = { username: "otherbot", conversationId: root.conversation_id };
    fake.mention({ ...inThread, text: "hello there" });
    fake.mention({ ...inThread, text: "tell me a story" });
    const env = { TWITTER_BOT_ACCOUNTS: "@OtherBot", TWITTER_MAX_BOT_REPLIES: "2" };
    const { connector } = await startBot(fake, {
      env,
      character: { ...WREN, connectors: { twitter: { allowBots: true } } },
    });
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(2);

    const other = await fakeX();
    other.mention({ text: "ping", username: "otherbot" });
    const strict = await startBot(other, { env });
    await strict.connector.pollMentions();
    expect(other.posts).toHaveLength(0);
  });

  it("delivers a message the agent starts on its own as a reply to the user's latest mention in that conversation", async () => {
    const fake = await fakeX();
    const root = fake.mention({ text: "ping" });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    const later = fake.mention({ text: "hello there", conversationId: root.conversation_id });
    await connector.pollMentions();
    const delivered = await connector.deliver({
      agent: "Wren",
      platform: "twitter",
      room: { id: root.conversation_id, kind: "group" },
      userId: `twitter:${root.author_id}`,
      text: "Reminder: the kettle story is due today.",
    });
    expect(delivered).toBe(true);
    expect(fake.posts.at(-1)).toMatchObject({ text: "Reminder: the kettle story is due today.", replyTo: later.id });
    expect(
      await connector.deliver({ agent: "Wren", platform: "telegram", room: { id: "1", kind: "direct" }, text: "hi" }),
    ).toBe(false);
  });
});
