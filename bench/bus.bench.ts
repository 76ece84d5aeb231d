/**
 * Delegation round trip over the bus: one asker, a trivial helper agent, for
 * the in-process bus and for Redis on loopback (4 worker instances of the
 * helper, each in its own thread, as separate processes would be).
 * Sequential tasks give p50/p99; 256 tasks in flight give throughput.
 * Prints one JSON line per bus.
 */
import { randomUUID } from "node:crypto";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Redis } from "ioredis";
import { BusNode, InProcessBus } from "../src/bus/index.js";
import { RedisBus } from "../src/bus/transport/redis/index.js";
import { percentile } from "./bench-helpers.js";

const SEQUENTIAL = 5000;
const CONCURRENT_TASKS = 20_000;
const IN_FLIGHT = 256;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const helper = {
  name: "Echo",
  character: { capabilities: [{ name: "echo", description: "" }] },
  handle: async (message: { text: string }) => ({ text: message.text }),
};

/** Runs in a worker thread: one instance of the helper agent on the Redis bus until told to stop. */
async function serveInThread(prefix: string): Promise<void> {
  const node = await BusNode.connect({ bus: await RedisBus.connect({ url: REDIS_URL, prefix }) });
  await node.start();
  await node.serve(helper);
  parentPort?.postMessage("ready");
  parentPort?.once("message", () => void node.close().then(() => process.exit(0)));
}

async function measure(name: string, asker: BusNode, workers: number): Promise<void> {
  while (asker.registry.candidates("echo").length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const ask = (i: number) => asker.delegator.delegate({ capability: "echo", input: `task ${i}`, from: "Bench" });

  for (let i = 0; i < 500; i++) await ask(i);
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    await ask(i);
    latencies.push(performance.now() - started);
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CONCURRENT_TASKS) await ask(next++);
    }),
  );
  const elapsed = performance.now() - started;
  console.log(
    JSON.stringify({
      bench: `bus_delegation_${name}`,
      workers,
      tasks: SEQUENTIAL,
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      tasks_per_s: Math.round((CONCURRENT_TASKS / elapsed) * 1000),
      in_flight: IN_FLIGHT,
    }),
  );
}

if (!isMainThread) {
  await serveInThread(workerData as string);
} else {
  // In-process: the asker and the helper share one process and one bus, as in one `troupe start`.
  const local = await BusNode.connect({ bus: new InProcessBus() });
  await local.start();
  await local.serve(helper);
  await measure("in_process", local, 1);
  await local.close();

  const prefix = `troupe-bench-${randomUUID().slice(0, 8)}`;
  const threads = Array.from({ length: 4 }, () => new Worker(new URL(import.meta.url), { workerData: prefix }));
  await Promise.all(threads.map((thread) => new Promise((resolve) => thread.once("message", resolve))));
  const asker = await BusNode.connect({ bus: await RedisBus.connect({ url: REDIS_URL, prefix }) });
  await asker.start();
  await measure("redis", asker, threads.length);
  await asker.close();
  for (const thread of threads) thread.postMessage("stop");
  await Promise.all(threads.map((thread) => new Promise((resolve) => thread.once("exit", resolve))));

  const redis = new Redis(REDIS_URL);
  let cursor = "0";
  do {
    const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = nextCursor;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
  await redis.quit();
}
