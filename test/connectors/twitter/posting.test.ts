import { describe, expect, it } from "vitest";
import { weightedLength } from "../../../src/connectors/twitter/index.js";
import { useTwitterHarness, WREN } from "./twitter-harness.js";

describe("Twitter connector: posts of its own", () => {
  const { fakeX, startBot } = useTwitterHarness();

  it("in a dry run logs a post written in the character's voice and sends nothing", async () => {
    const fake = await fakeX();
    const { connector, logs } = await startBot(fake, { env: { TWITTER_DRY_RUN: "true" } });
    await connector.postNow();
    const logged = logs.lines.filter((line) => line.msg === "dry run: would post");
    expect(logged).toHaveLength(1);
    // Asked of the model about one of the character's topics; the prompt's voice is checked in test/runtime/write-post.test.ts.
    const { text, topic } = logged[0] as { text: string; topic: string };
    expect(WREN.topics).toContain(topic);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(weightedLength(text)).toBeLessThanOrEqual(280);
    expect(fake.requests.filter((request) => request.endpoint === "tweets")).toHaveLength(0);
  });

  it("in a dry run logs replies instead of sending them", async () => {
    const fake = await fakeX();
    const mention = fake.mention({ text: "ping" });
    const { connector, logs } = await startBot(fake, { env: { TWITTER_DRY_RUN: "true" } });
    await connector.pollMentions();
    expect(logs.lines.filter((line) => line.msg === "dry run: would reply")).toEqual([
      expect.objectContaining({ replyTo: mention.id, text: expect.stringContaining("Pong") }),
    ]);
    expect(fake.requests.filter((request) => request.endpoint === "tweets")).toHaveLength(0);
  });

  it("never posts the same text twice", async () => {
    const fake = await fakeX();
    const { connector } = await startBot(fake);
    for (let index = 0; index < 4; index++) await connector.postNow();
    const texts = fake.posts.map((post) => post.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
    expect(fake.requests.filter((request) => request.endpoint === "tweets" && request.status !== 201)).toHaveLength(0);
  });
});
