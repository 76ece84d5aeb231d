import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { BusConnectionError } from "../../../src/bus/index.js";
import { RedisBus } from "../../../src/bus/transport/redis/index.js";
import { busContract } from "./bus-contract.js";
import { REDIS_URL, useRedisPrefixes } from "./redis-test-bus.js";

const redis = useRedisPrefixes();
const prefixOf = new WeakMap<object, string>();

busContract("RedisBus", {
  create: async () => {
    const prefix = redis.prefix();
    const bus = await redis.connect(prefix);
    prefixOf.set(bus, prefix);
    return bus;
  },
  // A consumer that read the entry and then died leaves it pending in its name, never acknowledged.
  holdAndDie: async (bus, topic, group) => {
    const key = `${prefixOf.get(bus)}:stream:${topic}`;
    const ghost = new Redis(REDIS_URL);
    await ghost.xgroup("CREATE", key, group, "0", "MKSTREAM");
    const read = await ghost.xreadgroup("GROUP", group, "ghost", "COUNT", 1, "STREAMS", key, ">");
    expect(read).not.toBeNull();
    ghost.disconnect();
  },
});

describe("RedisBus", () => {
  it("says clearly that Redis cannot be reached at start", async () => {
    const error = await RedisBus.connect({ url: "redis://127.0.0.1:1", connectTimeoutMs: 500 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BusConnectionError);
    expect((error as Error).message).toMatch(/Cannot reach the Redis bus at redis:\/\/127\.0\.0\.1:1/);
  });
});
