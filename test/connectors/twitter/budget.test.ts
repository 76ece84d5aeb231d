import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/create-app.js";
import { useTwitterHarness } from "./twitter-harness.js";

describe("Twitter connector: daily budget", () => {
  const { fakeX, startBot, tempDir } = useTwitterHarness();

  it("stops reading at the read cap: asks for no more mentions than are left, then for none", async () => {
    const fake = await fakeX();
    for (let index = 0; index < 12; index++) fake.mention({ text: `ping ${index}` });
    const { connector, logs } = await startBot(fake, {
      env: { TWITTER_MAX_READS_PER_DAY: "10", TWITTER_USER_COOLDOWN: "3600" },
    });
    await connector.pollMentions();
    await connector.pollMentions();
    const polls = fake.requests.filter((request) => request.endpoint === "mentions");
    expect(polls.map((poll) => poll.query.max_results)).toEqual(["10"]);
    expect(connector.health()).toMatchObject({ today: { reads: 10, limits: { reads: 10 } } });
    expect(logs.messages()).toContain("twitter: today's read budget is spent; mentions wait until tomorrow (UTC)");
  });

  it("posts no more than the post cap, also after a restart", async () => {
    const fake = await fakeX();
    const dataDir = tempDir();
    const env = { TWITTER_MAX_POSTS_PER_DAY: "1" };
    fake.mention({ text: "ping" });
    fake.mention({ text: "hello there", username: "bob" });
    const first = await startBot(fake, { dataDir, env });
    await first.connector.pollMentions();
    await first.stop();
    fake.mention({ text: "ping", username: "carol" });
    const second = await startBot(fake, { dataDir, env });
    await second.connector.pollMentions();
    expect(fake.posts).toHaveLength(1);
    expect(fake.requests.filter((request) => request.endpoint === "tweets")).toHaveLength(1);
  });

  it("counts today's calls and their estimated cost, at start-up and in /health", async () => {
    const fake = await fakeX();
    fake.mention({ text: "ping" });
    const { connector, troupe, logs } = await startBot(fake);
    expect(logs.messages()).toContain("twitter @testbot for Wren: today 0/100 reads, 0/25 posts, about $0.01");
    await connector.pollMentions();
    const response = await createApp(troupe).request("/health", { headers: { host: "127.0.0.1" } });
    const health = (await response.json()) as { connectors: unknown[] };
    // One profile read at start ($0.010), one mention read ($0.005), one reply ($0.015).
    expect(health.connectors).toEqual([
      expect.objectContaining({
        platform: "twitter",
        connectedAs: "@testbot",
        agent: "Wren",
        today: expect.objectContaining({ reads: 1, posts: 1, costUsd: 0.03 }),
        postingStopped: null,
      }),
    ]);
  });
});
