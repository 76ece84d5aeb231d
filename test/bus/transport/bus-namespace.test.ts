import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { BusNode, busPrefix } from "../../../src/bus/index.js";
import { eventually } from "./bus-contract.js";
import { REDIS_URL, useRedisPrefixes } from "./redis-test-bus.js";

const redis = useRedisPrefixes();
const logger = pino({ level: "silent" });
const client = new Redis(REDIS_URL);
afterAll(() => client.quit());

const keysUnder = async (prefix: string) => client.keys(`${prefix}:*`);
const agent = (name: string) => ({
  name,
  character: { capabilities: [{ name: "research", description: "" }] },
  handle: async () => ({ text: `${name} answered` }),
});

describe("troupes sharing one Redis server", () => {
  it("namespace their keys by project folder unless TROUPE_BUS_PREFIX says otherwise", () => {
    expect(busPrefix({}, "/srv/my bots")).toBe("troupe:my-bots");
    expect(busPrefix({ TROUPE_BUS_PREFIX: "prod-eu" }, "/srv/my-bots")).toBe("prod-eu");
    expect(busPrefix({}, "/")).toBe("troupe");
  });

  it("do not see each other's agents under different prefixes", async () => {
    const [first, second] = [redis.prefix(), redis.prefix()];
    const a = await BusNode.connect({ url: REDIS_URL, prefix: first, logger, heartbeatMs: 50 });
    const b = await BusNode.connect({ url: REDIS_URL, prefix: second, logger, heartbeatMs: 50 });
    const a2 = await BusNode.connect({ url: REDIS_URL, prefix: first, logger, heartbeatMs: 50 });
    try {
      for (const node of [a, b, a2]) await node.start();
      await a.serve(agent("Theo") as never);
      await b.serve(agent("Other") as never);
      await eventually(() => expect(a2.registry.live().map((live) => live.name)).toEqual(["Theo"]));
      expect(b.registry.live().map((live) => live.name)).toEqual(["Other"]);
    } finally {
      await Promise.all([a.close(), b.close(), a2.close()]);
    }
  });

  it("leave no inbox behind when a process stops", async () => {
    const prefix = redis.prefix();
    const node = await BusNode.connect({ url: REDIS_URL, prefix, logger });
    await node.start();
    const inbox = `${prefix}:stream:inbox:${node.instance}`;
    expect(await client.exists(inbox)).toBe(1);
    await node.close();
    expect(await client.exists(inbox)).toBe(0);
    expect((await keysUnder(prefix)).filter((key) => key.includes("inbox"))).toEqual([]);
  });
});
