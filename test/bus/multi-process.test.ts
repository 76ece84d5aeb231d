import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { BusNode, DelegationFailedError } from "../../src/bus/index.js";
import { RedisBus } from "../../src/bus/transport/redis/index.js";
import { REPO } from "../helpers/run-cli.js";
import { eventually } from "./transport/bus-contract.js";
import { REDIS_URL, useRedisPrefixes } from "./transport/redis-test-bus.js";

interface Worker {
  child: ChildProcess;
  output: () => string;
}

const children: ChildProcess[] = [];
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const close of closing.splice(0)) await close();
});

function startWorker(prefix: string, agent: string, capability: string, mode: "hold" | "fail" | "ok"): Promise<Worker> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/bus/redis-worker.ts", REDIS_URL, prefix, agent, capability, mode],
    { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("ready")) resolve({ child, output: () => stdout });
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
  });
}

async function asker(prefix: string): Promise<BusNode> {
  const bus = await RedisBus.connect({
    url: REDIS_URL,
    prefix,
    visibilityTimeoutMs: 500,
    claimIntervalMs: 100,
    blockMs: 100,
  });
  const node = await BusNode.connect({ bus, heartbeatMs: 200 });
  await node.start();
  closing.push(() => node.close());
  return node;
}

describe("the Redis bus across processes", () => {
  const redis = useRedisPrefixes();

  it("finishes a task exactly once on the other worker when the one holding it is killed", async () => {
    const prefix = redis.prefix();
    const doomed = await startWorker(prefix, "Theo", "research", "hold");
    const node = await asker(prefix);
    await eventually(() => expect(node.registry.candidates("research")).toHaveLength(1));

    const answer = node.delegator.delegate({ capability: "research", input: "q1", from: "Juno", timeoutMs: 20_000 });
    await eventually(() => expect(doomed.output()).toContain("start q1"));
    const survivor = await startWorker(prefix, "Theo", "research", "ok");
    doomed.child.kill("SIGKILL");

    const result = await answer;
    expect(result.text).toBe(`done by ${survivor.child.pid}`);
    expect(result.attempts).toBe(1);
    const counter = new Redis(REDIS_URL);
    expect(await counter.get(`${prefix}:completed:q1`)).toBe("1");
    await counter.quit();
    expect(survivor.output().match(/done q1/g)).toHaveLength(1);
  });

  it("dead-letters a task that fails on every attempt, with the last error", async () => {
    const prefix = redis.prefix();
    await startWorker(prefix, "Bad", "explode", "fail");
    const node = await asker(prefix);
    await eventually(() => expect(node.registry.candidates("explode")).toHaveLength(1));

    const error = await node.delegator
      .delegate({ capability: "explode", input: "boom", from: "Juno", retries: 0, timeoutMs: 10_000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DelegationFailedError);
    expect((error as Error).message).toMatch(/Bad always fails/);
    // The asker hears of the failure as the bus dead-letters the task.
    await eventually(async () => expect(await node.bus.deadLetters("agent:Bad")).toHaveLength(1));
    const letters = await node.bus.deadLetters("agent:Bad");
    expect(letters[0]?.error).toBe("Bad always fails");
    expect(letters[0]?.attempts).toBe(3);
  });
});
