import { describe, expect, it } from "vitest";
import { weightedLength } from "../../../src/connectors/twitter/index.js";
import { LOOKS_AUTOMATED, TOO_MANY_REQUESTS } from "../../fakes/x-api-server.js";
import { useTwitterHarness, WREN } from "./twitter-harness.js";

const LONG_STORY = [
  "Once upon a time a lighthouse keeper collected the letters that washed ashore in bottles.",
  "Most were recipes, some were apologies, and one was a map of the bay drawn by a child who had clearly never seen it.",
  "She answered every letter, folding each reply into the same bottle and throwing it back at high tide.",
  "Years later a ferry brought a stranger who carried a whole crate of her replies, read and reread and mended with tape.",
  "They sat on the steps and sorted them by tide. 灯台の手紙 🌊 The full story is at https://example.com/stories/the-lighthouse-keeper-and-the-bottles",
].join(" ");

describe("Twitter connector: limits", () => {
  const { fakeX, startBot } = useTwitterHarness();

  it("turns a long reply into a numbered thread, each part within 280 weighted characters, each replying to the last", async () => {
    const fake = await fakeX();
    const character = {
      ...WREN,
      messageExamples: [
        [
          { user: "{{user1}}", content: { text: "tell me a long story" } },
          { user: "Wren", content: { text: LONG_STORY } },
        ],
      ],
    };
    const mention = fake.mention({ text: "tell me a long story" });
    const { connector } = await startBot(fake, { character });
    await connector.pollMentions();
    const parts = fake.posts;
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(part.text).toMatch(new RegExp(` \\(${index + 1}/${parts.length}\\)$`));
      expect(weightedLength(part.text)).toBeLessThanOrEqual(280);
      expect(part.replyTo).toBe(index === 0 ? mention.id : parts[index - 1]?.id);
    });
    // The offline model may shorten what it says; what it said is posted whole, in order.
    const said = parts.map((part) => part.text.replace(/ \(\d+\/\d+\)$/, "")).join(" ");
    expect(weightedLength(said)).toBeGreaterThan(280);
    expect(LONG_STORY.startsWith(said)).toBe(true);
  });

  it("waits out a 429 until the reset X gives, then retries once and answers", async () => {
    const fake = await fakeX();
    fake.mention({ text: "ping" });
    fake.script("mentions", { status: 429, body: TOO_MANY_REQUESTS, resetInSeconds: 1 });
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    const polls = fake.requests.filter((request) => request.endpoint === "mentions");
    expect(polls.map((poll) => poll.status)).toEqual([429, 200]);
    const reset = Math.floor((polls[0]?.at ?? 0) / 1000) + 1;
    expect(polls[1]?.at).toBeGreaterThanOrEqual(reset * 1000);
    expect(fake.posts).toHaveLength(1);
  });

  it("waits for the reset when a window is spent instead of calling into a 429", async () => {
    const fake = await fakeX();
    const { connector } = await startBot(fake);
    await connector.pollMentions();
    // The next answer says: no calls left in this window, which resets in a second.
    fake.setWindow("mentions", { remaining: 1, resetInSeconds: 1 });
    await connector.pollMentions();
    fake.mention({ text: "ping" });
    await connector.pollMentions();
    const polls = fake.requests.filter((request) => request.endpoint === "mentions");
    expect(polls.every((poll) => poll.status === 200)).toBe(true);
    expect(fake.posts).toHaveLength(1);
  });

  it("stops posting for the character on a 403 'looks automated', with one clear line", async () => {
    const fake = await fakeX();
    fake.mention({ text: "ping" });
    fake.script("tweets", { status: 403, body: LOOKS_AUTOMATED });
    const { connector, logs } = await startBot(fake);
    await connector.pollMentions();
    fake.mention({ text: "hello there", username: "bob" });
    await connector.pollMentions();
    expect(fake.requests.filter((request) => request.endpoint === "tweets")).toHaveLength(1);
    const errors = logs.lines.filter((line) => line.level === 50).map((line) => String(line.msg));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/stopped posting for Wren until restart: .*403.*automated/);
    expect(connector.health()).toMatchObject({ postingStopped: expect.stringContaining("automated") });
  });
});
