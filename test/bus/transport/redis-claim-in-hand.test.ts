import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createEnvelope } from "../../../src/bus/index.js";
import { RedisBus } from "../../../src/bus/transport/redis/index.js";
import { eventually } from "./bus-contract.js";
import { REDIS_URL, useRedisPrefixes } from "./redis-test-bus.js";

const redis = useRedisPrefixes();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("a Redis bus consumer whose entry looks abandoned while it still runs it", () => {
  it("does not run the entry a second time when it claims it back", async () => {
    const prefix = redis.prefix();
    // Keep-alives a minute apart, claims every 50 ms: only the claim can see the entry as idle.
    const bus = await RedisBus.connect({
      url: REDIS_URL,
      prefix,
      visibilityTimeoutMs: 60_000,
      claimIntervalMs: 50,
      blockMs: 50,
    });
    cleanups.push(() => bus.close());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: string[] = [];
    await bus.subscribe(
      "work",
      async (envelope) => {
        handled.push(String(envelope.payload));
        await gate;
      },
      { group: "workers", consumer: "one" },
    );
    await bus.publish("work", createEnvelope({ kind: "task", from: "Juno", payload: "research tides" }));
    await eventually(() => expect(handled).toEqual(["research tides"]));

    // What Redis holds after a restart that outlasted the keep-alive: the entry idle for two minutes, its lock gone.
    const admin = new Redis(REDIS_URL);
    cleanups.push(() => admin.quit());
    const key = `${prefix}:stream:work`;
    const [[id]] = (await admin.xpending(key, "workers", "-", "+", 1)) as [[string]];
    await admin.xclaim(key, "workers", "one", 0, id, "IDLE", 120_000, "JUSTID");
    const locks = await admin.keys(`${prefix}:lock:*`);
    if (locks.length > 0) await admin.del(...locks);
    await new Promise((resolve) => setTimeout(resolve, 300));

    release();
    await eventually(async () => expect(await admin.xpending(key, "workers")).toEqual([0, null, null, null]));
    expect(handled).toEqual(["research tides"]);
  });
});
