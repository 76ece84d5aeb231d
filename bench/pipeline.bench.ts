/**
 * Messages per second through the full pipeline with the offline model:
 * one room, sequential, the demo characters loaded. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, Troupe } from "troupe";
import { percentile, USER_LINES } from "./bench-helpers.js";

const WARMUP = 200;
const MESSAGES = 1000;

const dataDir = mkdtempSync(join(tmpdir(), "troupe-bench-"));
const troupe = await Troupe.start(["characters/host.json", "characters/researcher.json", "characters/writer.json"], {
  dataDir,
  logger: createLogger({ level: "silent" }),
  // One user sends far more than a person would: the per-user rate limit would drop most of it.
  env: { ...process.env, TROUPE_RATE_LIMIT: "off" },
});

const send = (i: number) =>
  troupe.send("Juno", {
    platform: "bench",
    room: { id: "room-1", kind: "direct" },
    user: { id: "user-1", name: "Ada" },
    text: USER_LINES[i % USER_LINES.length] as string,
  });

for (let i = 0; i < WARMUP; i++) await send(i);
const latencies: number[] = [];
const started = performance.now();
for (let i = 0; i < MESSAGES; i++) {
  const t = performance.now();
  await send(i);
  latencies.push(performance.now() - t);
}
// Index inserts run after each reply; the ones still queued count towards the elapsed time.
await troupe.agent("Juno")?.longTerm.flush();
const elapsed = performance.now() - started;
const rssMb = process.memoryUsage().rss / 1024 / 1024;
await troupe.stop();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: "pipeline_offline_sequential",
    messages: MESSAGES,
    msgs_per_s: Math.round((MESSAGES / elapsed) * 1000),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    rss_mb: Math.round(rssMb),
  }),
);
