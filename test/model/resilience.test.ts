import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CircuitBreakers } from "../../src/model/index.js";
import { unavailableReply } from "../../src/offline/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { captureLogs, createRemoteAgent, direct } from "./remote-agent.js";

describe("model calls when the server misbehaves", () => {
  const tempDir = useTempDir();
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
  });
  afterEach(() => fake.close());

  const chatRequests = () => fake.requests.filter((request) => request.endpoint === "chat").length;

  it("retries after a 429, waiting as long as Retry-After asks, then answers", async () => {
    const { logger, lines } = captureLogs();
    const agent = await createRemoteAgent(tempDir(), fake, { logger });
    fake.script("chat", { kind: "status", status: 429, retryAfterSeconds: 1 });
    const reply = await agent.handle(direct("hello again"));
    expect(reply?.text).toBe("You said: hello again");
    expect(chatRequests()).toBe(2);
    expect(lines.find((line) => line.msg === "model call failed, retrying")).toMatchObject({
      status: 429,
      delayMs: 1000,
    });
    await agent.stop();
  });

  it("retries a 500, a dropped connection and a malformed answer", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    fake.script("chat", { kind: "status", status: 500 }, { kind: "drop" }, { kind: "malformed" });
    const reply = await agent.handle(direct("are you there?"));
    expect(reply?.text).toBe("You said: are you there?");
    expect(chatRequests()).toBe(4);
    await agent.stop();
  });

  it("gives up on a model that does not answer in time and apologises in character", async () => {
    const { logger, lines } = captureLogs();
    const agent = await createRemoteAgent(tempDir(), fake, {
      logger,
      env: { TROUPE_MODEL_TIMEOUT_MS: "150", TROUPE_MODEL_RETRIES: "1" },
    });
    fake.script("chat", { kind: "slow", delayMs: 1500 }, { kind: "slow", delayMs: 1500 });
    const reply = await agent.handle(direct("what's new?"));
    expect(reply?.text).toBe(unavailableReply(agent.character, "what's new?"));
    expect(chatRequests()).toBe(2);
    expect(lines.find((line) => line.code === "MODEL_TIMEOUT")?.msg).toMatch(/did not answer within 150 ms/);
    expect(agent.usage.chat.failures).toBe(1);
    await agent.stop();
  });

  it("fails fast while the circuit is open, then recovers when the server is back", async () => {
    let now = 1_000_000;
    const breakers = new CircuitBreakers({ failureThreshold: 2, resetMs: 30_000, now: () => now });
    const { logger, lines } = captureLogs();
    const agent = await createRemoteAgent(tempDir(), fake, { breakers, logger, env: { TROUPE_MODEL_RETRIES: "1" } });
    const levels = () => lines.filter((line) => line.code === "MODEL_UNAVAILABLE").map((line) => line.level);
    const apology = (text: string) => unavailableReply(agent.character, text);

    fake.fail(503);
    expect((await agent.handle(direct("first try", "room-1")))?.text).toBe(apology("first try"));
    const afterFirst = chatRequests();
    expect(afterFirst).toBe(2);
    // Other rooms still get an answer, at once and without touching the dead server.
    expect((await agent.handle(direct("second try", "room-2")))?.text).toBe(apology("second try"));
    expect(chatRequests()).toBe(afterFirst);
    // The outage is one error line; the messages that fail fast while it lasts are warnings.
    expect(levels()).toEqual([50, 40]);

    fake.restore();
    expect((await agent.handle(direct("still down?", "room-3")))?.text).toBe(apology("still down?"));
    now += 30_000;
    expect((await agent.handle(direct("back now?", "room-3")))?.text).toBe("You said: back now?");
    expect((await agent.handle(direct("and again", "room-1")))?.text).toBe("You said: and again");
    await agent.stop();
  });

  it("keeps answering other rooms while one waits on a slow model", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    fake.script("chat", { kind: "slow", delayMs: 800 });
    const finished: string[] = [];
    const slow = agent.handle(direct("take your time", "room-slow")).then(() => finished.push("slow"));
    await new Promise((done) => setTimeout(done, 50));
    await agent.handle(direct("quick one", "room-fast")).then(() => finished.push("fast"));
    await slow;
    expect(finished).toEqual(["fast", "slow"]);
    await agent.stop();
  });

  it("answers with the offline model while the server is down when the character asks for it", async () => {
    const agent = await createRemoteAgent(tempDir(), fake, {
      env: { TROUPE_MODEL_RETRIES: "0" },
      character: (character) => ({ ...character, model: { ...character.model, fallback: "offline" } }),
    });
    fake.fail(500);
    const reply = await agent.handle(direct("My name is Ada and I live in Oslo."));
    expect(chatRequests()).toBe(1);
    expect(reply?.text).not.toBe(unavailableReply(agent.character, "My name is Ada and I live in Oslo."));
    expect(reply?.text).toMatch(/Ada|Oslo/);
    await agent.stop();
  });
});
