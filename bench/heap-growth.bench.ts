/**
 * No leaks: the demo troupe on the offline model answers 10,000 messages in
 * one run (ten users, each in their own room, taking turns), and the V8 heap
 * is measured after garbage collection at message 1,000 and 10,000. What
 * grows between them is what each message leaves behind: its long-term
 * memories (kept in memory for recall) and anything that should not stay.
 * Needs --expose-gc (`npm run bench` passes it). Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, Troupe } from "troupe";
import { percentile, USER_LINES } from "./bench-helpers.js";

const CHECKPOINTS = [1000, 10_000];
const USERS = 10;

if (!global.gc) throw new Error("run with node --expose-gc");
const dataDir = mkdtempSync(join(tmpdir(), "troupe-heap-"));
const troupe = await Troupe.start(["characters/host.json", "characters/researcher.json", "characters/writer.json"], {
  dataDir,
  logger: createLogger({ level: "silent" }),
  // One user sends far more than a person would: the per-user rate limit would drop most of it.
  env: { TROUPE_RATE_LIMIT: "off" },
});
const juno = troupe.agent("Juno");
if (!juno) throw new Error("Juno did not start");

const heapMb = async () => {
  await juno.settle();
  await juno.longTerm.flush();
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};
const heap: number[] = [];
const latencies: number[] = [];
let sent = 0;
for (const checkpoint of CHECKPOINTS) {
  for (; sent < checkpoint; sent++) {
    const user = sent % USERS;
    const started = performance.now();
    await juno.handle({
      platform: "bench",
      room: { id: `room-${user}`, kind: "direct" },
      user: { id: `user-${user}`, name: `User${user}` },
      text: USER_LINES[sent % USER_LINES.length] as string,
    });
    latencies.push(performance.now() - started);
  }
  heap.push(await heapMb());
}
const memories = juno.longTerm.counts.memories;
await troupe.stop();
rmSync(dataDir, { recursive: true, force: true });
const [first, last] = heap as [number, number];
const [from, to] = CHECKPOINTS as [number, number];
console.log(
  JSON.stringify({
    bench: "heap_after_gc",
    messages: to,
    heap_mb_at_1k: Math.round(first * 10) / 10,
    heap_mb_at_10k: Math.round(last * 10) / 10,
    growth_kb_per_msg: Math.round((((last - first) * 1024) / (to - from)) * 100) / 100,
    long_term_memories: memories,
    p50_ms: percentile(latencies, 50),
  }),
);
