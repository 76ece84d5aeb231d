/**
 * `npm run bench:peer`: elizaOS 1.7.2 and Troupe, one after the other (never
 * side by side: the machine has two cores), with the same work: an instant
 * stub chat model, offline embeddings, the same messages through the call a
 * platform connector makes, the same number of extra agents. Installs the
 * pinned peer into bench/peer/eliza on first use (`npm ci`, about a minute;
 * never into Troupe's own dependencies). Prints one JSON line per system and
 * one line of ratios: elizaOS ÷ Troupe for times and memory, Troupe ÷
 * elizaOS for throughput. Options are passed to both harnesses:
 * --runs=3 --n=300 --warmup=20 --agents=10 --agent-msgs=10.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const ROOT = resolve(import.meta.dirname, "../../..");
const PEER_DIR = join(ROOT, "bench/peer/eliza");
const TROUPE_SIDE = join(import.meta.dirname, "troupe-peer.js");
const DEFAULTS = { runs: "3", n: "300", warmup: "20", agents: "10", "agent-msgs": "10" };

const given = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key, value ?? "true"];
  }),
);
const options = Object.entries({ ...DEFAULTS, ...given }).map(([key, value]) => `--${key}=${value}`);

function run(command: string, commandArgs: string[], cwd: string): string {
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(" ")} failed with exit code ${result.status}`);
  return result.stdout;
}

const latency = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });
const coldStart = z.object({ spawn_to_ready_ms: z.number() });
/** The part of a harness's result that is compared; both harnesses print it in the same shape. */
const harnessResult = z.object({
  runs: z.number(),
  versions: z.record(z.string(), z.string().nullable()).optional(),
  cold_start_fresh_db: coldStart,
  cold_start_existing_db: coldStart,
  messages: z.object({
    n: z.number(),
    reply_callback_ms: latency,
    full_turn_ms: latency,
    msgs_per_s_sequential: z.number(),
    rss_after_warmup_mb: z.number(),
    rss_after_n_mb: z.number(),
    heap_growth_kb_per_msg: z.number(),
  }),
  agents: z.object({ agents: z.number(), rss_per_extra_agent_mb: z.number() }),
});
type HarnessResult = z.infer<typeof harnessResult>;

/** The last line of a harness's output, which is its JSON result. */
function lastJson(output: string): HarnessResult {
  const line = output.trim().split("\n").at(-1) ?? "";
  return harnessResult.parse(JSON.parse(line));
}

if (!existsSync(join(PEER_DIR, "node_modules/@elizaos/core/package.json"))) {
  console.error("Installing elizaOS 1.7.2 into bench/peer/eliza (npm ci, about a minute)…");
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], PEER_DIR);
}

const eliza = lastJson(run(process.execPath, [join(PEER_DIR, "bench.mjs"), ...options], PEER_DIR));
const troupe = lastJson(run(process.execPath, [TROUPE_SIDE, ...options], ROOT));

/** The figures the issue compares, read the same way from both harnesses' output. */
function figures(system: string, version: string, result: HarnessResult) {
  const { messages, agents } = result;
  return {
    system,
    version,
    runs: result.runs,
    messages: messages.n,
    cold_start_empty_ms: result.cold_start_fresh_db.spawn_to_ready_ms,
    cold_start_existing_ms: result.cold_start_existing_db.spawn_to_ready_ms,
    reply_p50_ms: messages.reply_callback_ms.p50,
    reply_p95_ms: messages.reply_callback_ms.p95,
    reply_p99_ms: messages.reply_callback_ms.p99,
    full_turn_p50_ms: messages.full_turn_ms.p50,
    msgs_per_s: messages.msgs_per_s_sequential,
    rss_after_warmup_mb: messages.rss_after_warmup_mb,
    rss_after_n_mb: messages.rss_after_n_mb,
    heap_growth_kb_per_msg: messages.heap_growth_kb_per_msg,
    extra_agents: agents.agents - 1,
    rss_per_extra_agent_mb: agents.rss_per_extra_agent_mb,
  };
}

const peer = figures("elizaOS", eliza.versions?.["@elizaos/core"] ?? "1.7.2", eliza);
const ours = figures("troupe", process.env.npm_package_version ?? "dev", troupe);
console.log(JSON.stringify(peer));
console.log(JSON.stringify(ours));

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10) / 10 : null);
const slower = (key: keyof typeof peer) => ratio(peer[key] as number, ours[key] as number);
console.log(
  JSON.stringify({
    ratios: "elizaOS ÷ Troupe for times and memory, Troupe ÷ elizaOS for throughput",
    cold_start_empty: slower("cold_start_empty_ms"),
    cold_start_existing: slower("cold_start_existing_ms"),
    reply_p50: slower("reply_p50_ms"),
    reply_p95: slower("reply_p95_ms"),
    reply_p99: slower("reply_p99_ms"),
    full_turn_p50: slower("full_turn_p50_ms"),
    msgs_per_s: ratio(ours.msgs_per_s, peer.msgs_per_s),
    rss_after_warmup: slower("rss_after_warmup_mb"),
    rss_after_n: slower("rss_after_n_mb"),
    heap_growth_per_msg: slower("heap_growth_kb_per_msg"),
    rss_per_extra_agent: slower("rss_per_extra_agent_mb"),
  }),
);
