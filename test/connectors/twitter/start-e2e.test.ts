import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type FakeXApi, startFakeXApi } from "../../fakes/x-api-server.js";
import { startCli } from "../../helpers/run-cli.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { OAUTH1_ENV } from "./twitter-harness.js";

/** Resolves once `condition` holds; fails the test after `timeoutMs`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

function mentionPolls(fake: FakeXApi): number {
  return fake.requests.filter((request) => request.endpoint === "mentions").length;
}

describe("troupe start with an X bot", () => {
  const tempDir = useTempDir();

  function start(fake: FakeXApi, dataDir: string) {
    return startCli(["start", "characters/writer.json", "--port", "0", "--data-dir", dataDir], /HTTP API on /, {
      env: { ...OAUTH1_ENV, TWITTER_API_BASE: fake.url, TWITTER_POLL_INTERVAL: "1" },
    });
  }

  it("answers a mention, and says at start-up whom it runs as and what today cost", async () => {
    const fake = await startFakeXApi();
    const mention = fake.mention({ text: "Hi Wren! Can you help me name my cat?" });
    const { child, output } = await start(fake, tempDir());
    try {
      expect(output()).toMatch(
        /twitter @testbot for Wren: mentions, polled every 1 s; today 0\/100 reads, 0\/25 posts, about \$0\.01/,
      );
      await waitFor(() => fake.posts.length > 0, "a reply");
      expect(fake.posts[0]?.replyTo).toBe(mention.id);
      expect(fake.requests.every((request) => request.authorization.startsWith("OAuth "))).toBe(true);
    } finally {
      child.kill("SIGTERM");
      await once(child, "close");
      await fake.close();
    }
  });

  it("does not answer a mention again after being killed between posting the reply and saving", async () => {
    const fake = await startFakeXApi();
    const dataDir = tempDir();
    fake.mention({ text: "Hi Wren! Can you help me name my cat?" });
    const first = await start(fake, dataDir);
    // X has the reply; the process dies before it hears back, let alone saves anything.
    fake.beforePostAnswer = async () => {
      first.child.kill("SIGKILL");
      await once(first.child, "close");
    };
    await waitFor(() => first.child.exitCode !== null || first.child.signalCode !== null, "the kill");
    expect(fake.posts).toHaveLength(1);
    fake.beforePostAnswer = undefined;
    fake.ignoreSinceId = true;

    const pollsBefore = mentionPolls(fake);
    const second = await start(fake, dataDir);
    try {
      // Two polls after the restart: the first one's mentions are fully handled before the second starts.
      await waitFor(() => mentionPolls(fake) >= pollsBefore + 2, "two polls after the restart");
      expect(fake.posts).toHaveLength(1);
    } finally {
      second.child.kill("SIGTERM");
      await once(second.child, "close");
      await fake.close();
    }
  });
});
