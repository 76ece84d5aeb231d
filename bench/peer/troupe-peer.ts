/**
 * Troupe's side of `npm run bench:peer`: the same phases, messages and
 * output shape as the elizaOS peer harness (`bench/peer/eliza/bench.mjs`),
 * so the two are compared field by field. Every phase runs in a fresh child
 * process (forked with --child=PHASE, results over IPC):
 *   cold-fresh     spawn -> agent ready, empty data folder, then one turn
 *   cold-existing  spawn -> agent ready on the folder the first boot left
 *   messages       W warm-up + N measured messages through `agent.handle`
 *   agents         K agents in one process, M messages each: RSS per extra agent
 * Options: --runs=1 --n=300 --warmup=20 --agents=10 --agent-msgs=10. Prints one JSON line.
 */
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Agent, openTroupeStore, type Store } from "troupe";
import { createBenchAgent, directMessage } from "../bench-agent.js";
import { median, percentile } from "../bench-helpers.js";
import { InstantChatModel } from "../instant-chat-model.js";

const SELF = fileURLToPath(import.meta.url);
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key as string, value ?? "true"];
  }),
);
const option = (key: string, fallback: number) => Number(args.get(key) ?? fallback);

/** The texts the elizaOS harness sends, numbered the same way. */
const TEXTS = [
  "Hi there, how are you today?",
  "What is the weather like where you are?",
  "Tell me something about yourself.",
  "Can you recommend a book?",
  "What did we talk about earlier?",
  "Thanks, that was helpful!",
];
const textOf = (i: number) => `${TEXTS[i % TEXTS.length]} (#${i})`;

const MB = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
function memory(collect: boolean) {
  if (collect && global.gc) {
    global.gc();
    global.gc();
  }
  const used = process.memoryUsage();
  return { rss_mb: MB(used.rss), heap_used_mb: MB(used.heapUsed) };
}
const summary = (values: number[]) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
  mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000,
});

/**
 * One user turn as a connector runs it: the message arrives as its own
 * event-loop task, `handle` resolves with the reply (sent at that moment),
 * and the turn is over once the agent's background work for it (queued
 * evaluators, summaries, memory writes) has settled.
 */
async function turn(agent: Agent, userKey: string, i: number) {
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  const reply = await agent.handle(directMessage(userKey, textOf(i)));
  const replied = performance.now();
  if (!reply) throw new Error(`no reply to message ${i}`);
  await agent.settle();
  return { reply_ms: replied - started, turn_ms: performance.now() - started, text: reply.text };
}

async function startAgent(db: Store, dataDir: string, name: string) {
  const started = performance.now();
  const agent = createBenchAgent({ db, dataDir, name, chat: new InstantChatModel() });
  await agent.start();
  return { agent, init_ms: performance.now() - started };
}

async function child(phase: string, dataDir: string) {
  const db = openTroupeStore({ dataDir });
  if (phase === "cold-fresh" || phase === "cold-existing") {
    const { agent, init_ms } = await startAgent(db, dataDir, "Benchy");
    const readyEpoch = performance.timeOrigin + performance.now();
    const inProcess = performance.now();
    const cpu = process.cpuUsage();
    const rss = memory(false).rss_mb;
    const first = await turn(agent, "cold", 0);
    await agent.stop();
    db.close();
    return {
      ready_epoch_ms: readyEpoch,
      in_process_ready_ms: inProcess,
      cpu_at_ready_ms: (cpu.user + cpu.system) / 1000,
      runtime_initialize_ms: init_ms,
      rss_at_ready_mb: rss,
      first_turn_ms: first.turn_ms,
      first_reply: first.text,
    };
  }
  if (phase === "messages") {
    const n = option("n", 300);
    const warmup = option("warmup", 20);
    const { agent } = await startAgent(db, dataDir, "Benchy");
    for (let i = 0; i < warmup; i++) await turn(agent, "w", i);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const warm = memory(true);
    const replies: number[] = [];
    const turns: number[] = [];
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const result = await turn(agent, "m", i);
      replies.push(result.reply_ms);
      turns.push(result.turn_ms);
    }
    const wall = performance.now() - started;
    const backlog = agent.longTerm.backlog;
    const drainStarted = performance.now();
    await agent.longTerm.flush();
    const drain = performance.now() - drainStarted;
    const after = memory(true);
    await agent.stop();
    db.close();
    return {
      n,
      warmup,
      path: "agent.handle(InboundMessage)",
      reply_callback_ms: summary(replies),
      full_turn_ms: summary(turns),
      msgs_per_s_sequential: Math.round((n / (wall / 1000)) * 1000) / 1000,
      embedding_backlog_at_end: backlog,
      embedding_drain_ms: Math.round(drain * 1000) / 1000,
      msgs_per_s_incl_background: Math.round((n / ((wall + drain) / 1000)) * 1000) / 1000,
      mem_after_warmup: warm,
      mem_after_n: after,
      heap_growth_kb_per_msg: Math.round((((after.heap_used_mb - warm.heap_used_mb) * 1024) / n) * 1000) / 1000,
    };
  }
  if (phase === "agents") {
    const count = option("agents", 10);
    const messages = option("agent-msgs", 10);
    const agents: Agent[] = [];
    const curve: { rss_mb: number; heap_used_mb: number }[] = [];
    const inits: number[] = [];
    for (let k = 0; k < count; k++) {
      const { agent, init_ms } = await startAgent(db, dataDir, `Benchy${k}`);
      inits.push(init_ms);
      for (let i = 0; i < messages; i++) await turn(agent, `a${k}`, i);
      agents.push(agent);
      await new Promise((resolve) => setTimeout(resolve, 100));
      curve.push(memory(true));
    }
    const first = curve[0] as { rss_mb: number; heap_used_mb: number };
    const last = curve.at(-1) as { rss_mb: number; heap_used_mb: number };
    const result = {
      agents: count,
      msgs_per_agent: messages,
      rss_1_agent_mb: first.rss_mb,
      rss_k_agents_mb: last.rss_mb,
      rss_per_extra_agent_mb: count > 1 ? Math.round(((last.rss_mb - first.rss_mb) / (count - 1)) * 1000) / 1000 : null,
      heap_per_extra_agent_mb:
        count > 1 ? Math.round(((last.heap_used_mb - first.heap_used_mb) / (count - 1)) * 1000) / 1000 : null,
      rss_curve_mb: curve.map((point) => point.rss_mb),
      agent_initialize_ms: { p50: percentile(inits.slice(1), 50) },
    };
    for (const agent of agents) await agent.stop();
    db.close();
    return result;
  }
  throw new Error(`unknown phase ${phase}`);
}

type Result = Record<string, unknown>;

function runChild(phase: string, dataDir: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const spawnEpoch = performance.timeOrigin + performance.now();
    const forwarded = [...args].filter(([key]) => key !== "runs").map(([key, value]) => `--${key}=${value}`);
    const worker = fork(SELF, [`--child=${phase}`, `--data-dir=${dataDir}`, ...forwarded], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    let result: { ok: boolean; data?: Result; error?: string } | undefined;
    worker.on("message", (message) => {
      result = message as typeof result;
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (result?.ok && result.data) resolve({ ...result.data, spawn_epoch_ms: spawnEpoch });
      else reject(new Error(`troupe ${phase} failed (exit ${code}): ${result?.error ?? "no result"}`));
    });
  });
}

async function driver() {
  const runs = option("runs", 1);
  const root = mkdtempSync(join(tmpdir(), "troupe-peer-"));
  const cold: { fresh: Result[]; existing: Result[] } = { fresh: [], existing: [] };
  const runsOf: { messages: Result[]; agents: Result[] } = { messages: [], agents: [] };
  const spawnToReady = (result: Result) => (result.ready_epoch_ms as number) - (result.spawn_epoch_ms as number);
  for (let run = 0; run < runs; run++) {
    const dir = join(root, `db-${run}`);
    mkdirSync(dir);
    cold.fresh.push(await runChild("cold-fresh", dir));
    cold.existing.push(await runChild("cold-existing", dir));
    for (const phase of ["messages", "agents"] as const) {
      const phaseDir = join(root, `${phase}-${run}`);
      mkdirSync(phaseDir);
      runsOf[phase].push(await runChild(phase, phaseDir));
    }
  }
  rmSync(root, { recursive: true, force: true });
  const med = (results: Result[], pick: (result: Result) => number) => median(results.map(pick));
  const nested = (key: string, field: string) => (result: Result) =>
    (result[key] as Record<string, number>)[field] as number;
  const coldOf = (results: Result[]) => ({
    spawn_to_ready_ms: med(results, spawnToReady),
    runtime_initialize_ms: med(results, (result) => result.runtime_initialize_ms as number),
    rss_at_ready_mb: med(results, (result) => result.rss_at_ready_mb as number),
    first_turn_ms: med(results, (result) => result.first_turn_ms as number),
    all: results.map((result) => Math.round(spawnToReady(result) * 1000) / 1000),
  });
  const latency = (key: string) => ({
    p50: med(runsOf.messages, nested(key, "p50")),
    p95: med(runsOf.messages, nested(key, "p95")),
    p99: med(runsOf.messages, nested(key, "p99")),
    mean: med(runsOf.messages, nested(key, "mean")),
  });
  const first = runsOf.messages[0] as Result;
  const out = {
    peer: "troupe",
    node: process.version,
    runs,
    cold_start_fresh_db: coldOf(cold.fresh),
    cold_start_existing_db: coldOf(cold.existing),
    messages: {
      n: first.n,
      warmup: first.warmup,
      path: first.path,
      reply_callback_ms: latency("reply_callback_ms"),
      full_turn_ms: latency("full_turn_ms"),
      msgs_per_s_sequential: med(runsOf.messages, (result) => result.msgs_per_s_sequential as number),
      msgs_per_s_incl_background: med(runsOf.messages, (result) => result.msgs_per_s_incl_background as number),
      rss_after_warmup_mb: med(runsOf.messages, nested("mem_after_warmup", "rss_mb")),
      rss_after_n_mb: med(runsOf.messages, nested("mem_after_n", "rss_mb")),
      heap_growth_kb_per_msg: med(runsOf.messages, (result) => result.heap_growth_kb_per_msg as number),
    },
    agents: {
      agents: runsOf.agents[0]?.agents,
      msgs_per_agent: runsOf.agents[0]?.msgs_per_agent,
      rss_1_agent_mb: med(runsOf.agents, (result) => result.rss_1_agent_mb as number),
      rss_k_agents_mb: med(runsOf.agents, (result) => result.rss_k_agents_mb as number),
      rss_per_extra_agent_mb: med(runsOf.agents, (result) => result.rss_per_extra_agent_mb as number),
      rss_curve_mb_run1: runsOf.agents[0]?.rss_curve_mb,
    },
  };
  console.log(JSON.stringify(out));
}

const phase = args.get("child");
if (phase) {
  const reply = (message: unknown, code: number) =>
    process.send ? process.send(message, () => process.exit(code)) : process.exit(code);
  child(phase, args.get("data-dir") as string).then(
    (data) => reply({ ok: true, data }, 0),
    (error: unknown) => reply({ ok: false, error: String((error as Error)?.stack ?? error) }, 1),
  );
} else {
  await driver();
}
