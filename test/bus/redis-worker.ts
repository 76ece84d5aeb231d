/**
 * A worker process for the multi-process tests: serves one capability for
 * one agent on the Redis bus. `hold` keeps every task forever (to be killed
 * holding it), `fail` throws on every attempt, `ok` answers and counts each
 * completion in Redis.
 *
 * Usage: node --import tsx test/bus/redis-worker.ts <url> <prefix> <agent> <capability> <hold|fail|ok>
 */
import { Redis } from "ioredis";
import { BusNode } from "../../src/bus/index.js";
import { RedisBus } from "../../src/bus/transport/redis/index.js";

const [url = "", prefix = "", agent = "", capability = "", mode = "ok"] = process.argv.slice(2);
const counter = new Redis(url);
const bus = await RedisBus.connect({ url, prefix, visibilityTimeoutMs: 500, claimIntervalMs: 100, blockMs: 100 });
const node = await BusNode.connect({ bus, heartbeatMs: 200 });
await node.start();
await node.serve({
  name: agent,
  character: { capabilities: [{ name: capability, description: "" }] },
  handle: async (message) => {
    console.log(`start ${message.text}`);
    if (mode === "hold") await new Promise(() => {});
    if (mode === "fail") throw new Error(`${agent} always fails`);
    await counter.incr(`${prefix}:completed:${message.text}`);
    console.log(`done ${message.text}`);
    return { text: `done by ${process.pid}` };
  },
});
console.log("ready");
process.once("SIGTERM", () => {
  void node.close().then(() => counter.quit().then(() => process.exit(0)));
});
