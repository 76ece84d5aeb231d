/**
 * Framework overhead per message on a remote model that answers instantly:
 * Juno on the fake OpenAI-compatible server on loopback, through the real
 * LangChain OpenAI client. Overhead is the time `agent.handle` takes minus
 * the time spent inside the model call (the agent's recorded chat latency),
 * i.e. what Troupe adds around it: record, recall, compose, guard, reply,
 * reflect. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, Troupe } from "troupe";
import { startFakeOpenAIServer } from "../test/fakes/openai-server.js";
import { percentile, USER_LINES } from "./bench-helpers.js";

const WARMUP = 200;
const MESSAGES = 1000;

const fake = await startFakeOpenAIServer();
const dataDir = mkdtempSync(join(tmpdir(), "troupe-bench-"));
const troupe = await Troupe.start(["characters/host.json"], {
  dataDir,
  logger: createLogger({ level: "silent" }),
  // TROUPE_RATE_LIMIT off: one user sends far more than a person would, and the limit would drop most of it.
  env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "bench", TROUPE_RATE_LIMIT: "off" },
});
const agent = troupe.agent("Juno");
if (!agent) throw new Error("Juno did not start");

const send = (i: number) =>
  agent.handle({
    platform: "bench",
    room: { id: "room-1", kind: "direct" },
    user: { id: "user-1", name: "Ada" },
    text: USER_LINES[i % USER_LINES.length] as string,
  });

for (let i = 0; i < WARMUP; i++) await send(i);
const overheads: number[] = [];
const totals: number[] = [];
const modelTimes: number[] = [];
for (let i = 0; i < MESSAGES; i++) {
  const modelBefore = agent.usage.chat.latency.totalMs;
  const started = performance.now();
  await send(i);
  const total = performance.now() - started;
  const model = agent.usage.chat.latency.totalMs - modelBefore;
  totals.push(total);
  modelTimes.push(model);
  overheads.push(total - model);
}
await troupe.stop();
await fake.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: "model_overhead_fake_openai_loopback",
    messages: MESSAGES,
    overhead_p50_ms: percentile(overheads, 50),
    overhead_p99_ms: percentile(overheads, 99),
    total_p50_ms: percentile(totals, 50),
    model_call_p50_ms: percentile(modelTimes, 50),
    model_calls: agent.usage.chat.calls,
  }),
);
