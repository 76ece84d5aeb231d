import { afterEach, describe, expect, it, vi } from "vitest";
import { BusConnectionError, BusNode } from "../../../src/bus/index.js";
import { RedisBus } from "../../../src/bus/transport/redis/index.js";
import { captureLogs } from "../../helpers/capture-logs.js";
import { PrivateRedis } from "../../helpers/private-redis.js";
import { startSilentServer } from "../../helpers/silent-server.js";
import { eventually } from "./bus-contract.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function privateRedis(): Promise<PrivateRedis> {
  const redis = await PrivateRedis.start();
  cleanups.push(() => redis.stop());
  return redis;
}

/** A node on `url` with fast timings; `serve` makes it Theo, who does research. */
async function node(url: string, logger: ReturnType<typeof captureLogs>["logger"], serve = false): Promise<BusNode> {
  const bus = await RedisBus.connect({
    url,
    prefix: "faults",
    visibilityTimeoutMs: 500,
    claimIntervalMs: 100,
    blockMs: 100,
    logger,
  });
  const busNode = await BusNode.connect({ bus, heartbeatMs: 100, logger });
  await busNode.start();
  cleanups.push(() => busNode.close());
  if (serve) {
    await busNode.serve({
      name: "Theo",
      character: { capabilities: [{ name: "research", description: "" }] },
      handle: async (message) => ({ text: `found ${message.text}` }),
    });
  }
  return busNode;
}

/** Delegates until one attempt succeeds: what an operator sees as "delegation works again". */
async function delegateUntilAnswered(asker: BusNode, input: string): Promise<string> {
  let answer = "";
  await eventually(async () => {
    const result = await asker.delegator.delegate({
      capability: "research",
      input,
      from: "Juno",
      timeoutMs: 500,
      retries: 0,
    });
    answer = result.text;
  }, 15_000);
  return answer;
}

describe("the Redis bus when Redis fails", () => {
  for (const keepData of [false, true]) {
    it(`delegates again after Redis restarts ${keepData ? "with" : "without"} its data, with one line per outage`, async () => {
      const stderr = vi.spyOn(console, "error");
      const redis = await privateRedis();
      const logs = captureLogs("info");
      const worker = await node(redis.url, logs.logger, true);
      const asker = await node(redis.url, logs.logger);
      await eventually(() => expect(asker.registry.candidates("research")).toHaveLength(1));
      expect((await asker.delegator.delegate({ capability: "research", input: "before", from: "Juno" })).text).toBe(
        "found before",
      );

      await redis.restart({ keepData, downMs: 300 });

      expect(await delegateUntilAnswered(asker, "after")).toBe("found after");
      await eventually(() => expect(worker.bus.status()).toEqual({ ready: true }));
      const messages = logs.lines.map((line) => String(line.msg));
      // Many connections failed many times; each bus (two processes' worth here) logs one line for the outage
      // and one for the recovery.
      expect(messages.filter((message) => message.includes("is unreachable"))).toHaveLength(2);
      expect(messages.filter((message) => message.includes("reachable again"))).toHaveLength(2);
      const recreated = messages.filter((message) => message.includes("created it again"));
      if (keepData) expect(recreated).toEqual([]);
      else expect(recreated.length).toBeGreaterThan(0);
      expect(stderr.mock.calls.flat().join(" ")).not.toContain("Unhandled error event");
    }, 30_000);
  }

  it("reports the bus not ready while Redis is down, and ready once it is back", async () => {
    const redis = await privateRedis();
    const logs = captureLogs("info");
    const asker = await node(redis.url, logs.logger);
    expect(asker.bus.status().ready).toBe(true);
    await redis.kill();
    await eventually(() =>
      expect(asker.bus.status()).toMatchObject({ ready: false, reason: expect.stringContaining(redis.url) }),
    );
    await redis.launch();
    await eventually(() => expect(asker.bus.status()).toEqual({ ready: true }), 10_000);
  }, 20_000);

  it("closes a node within its bounds while Redis is down", async () => {
    const redis = await privateRedis();
    const logs = captureLogs("info");
    const worker = await node(redis.url, logs.logger, true);
    await redis.kill();
    await eventually(() => expect(worker.bus.status().ready).toBe(false));
    // Without bounds this waited for Redis forever; the test's own timeout is the bound checked here.
    await worker.close();
    expect(logs.lines.map((line) => line.msg)).not.toContain("could not say goodbye on the bus");
  }, 10_000);

  it("refuses, in one sentence, an address that accepts connections but never answers", async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const error = await RedisBus.connect({ url: `redis://127.0.0.1:${silent.port}`, connectTimeoutMs: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BusConnectionError);
    expect((error as Error).message).toBe(
      `Cannot reach the Redis bus at redis://127.0.0.1:${silent.port}: no answer within 300 ms (is it a Redis server, on the right port?). Is Redis running? Start it or fix --bus / REDIS_URL.`,
    );
    expect(silent.accepted()).toBeGreaterThan(0);
  });
});
