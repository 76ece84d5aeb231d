import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { PrivateRedis } from "../helpers/private-redis.js";
import { runCli, startCli } from "../helpers/run-cli.js";
import { startSilentServer } from "../helpers/silent-server.js";
import { useTempDir } from "../helpers/temp-dir.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("troupe start when Redis fails", () => {
  const tempDir = useTempDir();

  it("fails in one line, within its connect timeout, on an address that accepts and never answers", async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const url = `redis://127.0.0.1:${silent.port}`;
    const result = await runCli(["start", "--port", "0", "--data-dir", tempDir(), "--bus", url]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      `Cannot reach the Redis bus at ${url}: no answer within 3000 ms (is it a Redis server, on the right port?). Is Redis running? Start it or fix --bus / REDIS_URL.`,
    );
    expect(silent.accepted()).toBeGreaterThan(0);
  });

  it("stops on SIGTERM while Redis is down, without ioredis noise on stderr", async () => {
    const redis = await PrivateRedis.start();
    cleanups.push(() => redis.stop());
    const { child, errors } = await startCli(
      ["start", "--port", "0", "--data-dir", tempDir(), "--bus", redis.url],
      /HTTP API on/,
      { env: { TROUPE_BUS_PREFIX: "stop-test" } },
    );
    await redis.kill();
    const exited = once(child, "exit");
    // The outage is noticed (one warning) before the stop, as an operator would see it.
    await waitFor(() => errors().includes("is unreachable"));
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(errors()).not.toContain("Unhandled error event");
    expect(errors().match(/is unreachable/g)).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
