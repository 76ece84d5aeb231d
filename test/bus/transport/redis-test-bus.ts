import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { RedisBus } from "../../../src/bus/transport/redis/index.js";

/** The Redis server every machine here runs (`.ci/run` starts it). */
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Unique key prefixes for this test file, each removed from Redis after the
 * file's tests, and fast bus timings so claims happen within a test.
 */
export function useRedisPrefixes(): { prefix(): string; connect(prefix?: string): Promise<RedisBus> } {
  const prefixes: string[] = [];
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    for (const prefix of prefixes) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== "0");
    }
    await redis.quit();
  });
  const prefix = () => {
    const value = `troupe-test-${randomUUID().slice(0, 8)}`;
    prefixes.push(value);
    return value;
  };
  return {
    prefix,
    connect: (given?: string) =>
      RedisBus.connect({
        url: REDIS_URL,
        prefix: given ?? prefix(),
        maxAttempts: 3,
        visibilityTimeoutMs: 300,
        claimIntervalMs: 100,
        blockMs: 100,
      }),
  };
}
