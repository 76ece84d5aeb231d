import type * as PromClient from "prom-client";
import type { Registry } from "prom-client";
import type { Troupe, TurnTrace } from "../../runtime/index.js";

/** One troupe's Prometheus registry and the subscription that feeds it. */
export interface TroupeMetrics {
  registry: Registry;
  /** Stops counting (the troupe's traces are no longer heard). */
  stop(): void;
}

/** Reply times from a millisecond (the offline model) to half a minute (a slow remote model with tools). */
const REPLY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Recall is local (SQLite and hnswlib) unless the embeddings are remote. */
const RECALL_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The metrics of one troupe in a registry of its own (never prom-client's
 * global one, so several troupes in a process never collide):
 * - per message, from each finished trace: `troupe_messages_received_total`,
 *   `troupe_messages_replied_total` and `troupe_messages_failed_total` by agent and platform,
 *   `troupe_reply_duration_seconds` by agent and platform, `troupe_recall_duration_seconds` by agent;
 * - read when scraped, so the reply path pays nothing for them: `troupe_messages_rate_limited_total`, `troupe_model_calls_total`,
 *   `troupe_model_errors_total` and `troupe_model_tokens_total` by agent and model (chat, embeddings),
 *   `troupe_memories` (long-term memories per agent), `troupe_bus_tasks` (delegated tasks by state);
 * - the process (memory, CPU, event loop lag) from `collectDefaultMetrics`.
 * `prom` is prom-client, passed in because it is loaded only when metrics are served.
 */
export function createTroupeMetrics(troupe: Troupe, prom: typeof PromClient): TroupeMetrics {
  const registry = new prom.Registry();
  const registers = [registry];
  prom.collectDefaultMetrics({ register: registry });
  const byMessage = ["agent", "platform"] as const;
  const received = new prom.Counter({
    name: "troupe_messages_received_total",
    help: "Messages handed to an agent's pipeline.",
    labelNames: byMessage,
    registers,
  });
  const replied = new prom.Counter({
    name: "troupe_messages_replied_total",
    help: "Replies an agent sent back.",
    labelNames: byMessage,
    registers,
  });
  const failed = new prom.Counter({
    name: "troupe_messages_failed_total",
    help: "Messages whose handling threw.",
    labelNames: byMessage,
    registers,
  });
  const replyTime = new prom.Histogram({
    name: "troupe_reply_duration_seconds",
    help: "Time from a message reaching the pipeline to its reply.",
    labelNames: byMessage,
    buckets: REPLY_BUCKETS,
    registers,
  });
  const recallTime = new prom.Histogram({
    name: "troupe_recall_duration_seconds",
    help: "Time an agent's recall step took (memories, knowledge, the short-term window).",
    labelNames: ["agent"],
    buckets: RECALL_BUCKETS,
    registers,
  });
  new prom.Counter({
    name: "troupe_messages_rate_limited_total",
    help: "Messages the per-user rate limit turned away before the pipeline (refused once, then dropped).",
    labelNames: byMessage,
    registers,
    collect() {
      this.reset();
      for (const agent of troupe.agents) {
        for (const [platform, count] of agent.rateLimited) this.inc({ agent: agent.name, platform }, count);
      }
    },
  });
  const usage = (model: "chat" | "embeddings") =>
    troupe.agents.map((agent) => [agent.name, agent.usage[model]] as const);
  new prom.Counter({
    name: "troupe_model_calls_total",
    help: "Model calls that answered.",
    labelNames: ["agent", "model"],
    registers,
    collect() {
      this.reset();
      for (const model of ["chat", "embeddings"] as const) {
        for (const [agent, figures] of usage(model)) this.inc({ agent, model }, figures.calls);
      }
    },
  });
  new prom.Counter({
    name: "troupe_model_errors_total",
    help: "Model calls that failed after their retries.",
    labelNames: ["agent", "model"],
    registers,
    collect() {
      this.reset();
      for (const model of ["chat", "embeddings"] as const) {
        for (const [agent, figures] of usage(model)) this.inc({ agent, model }, figures.failures);
      }
    },
  });
  new prom.Counter({
    name: "troupe_model_tokens_total",
    help: "Tokens the models read (input) and wrote (output), as their servers report them.",
    labelNames: ["agent", "model", "direction"],
    registers,
    collect() {
      this.reset();
      for (const model of ["chat", "embeddings"] as const) {
        for (const [agent, figures] of usage(model)) {
          this.inc({ agent, model, direction: "input" }, figures.inputTokens);
          this.inc({ agent, model, direction: "output" }, figures.outputTokens);
        }
      }
    },
  });
  new prom.Gauge({
    name: "troupe_memories",
    help: "Long-term memories an agent holds.",
    labelNames: ["agent"],
    registers,
    collect() {
      this.reset();
      for (const agent of troupe.agents) this.set({ agent: agent.name }, agent.longTerm.counts.memories);
    },
  });
  new prom.Gauge({
    name: "troupe_bus_tasks",
    help: "Tasks this process delegated, by state.",
    labelNames: ["state"],
    registers,
    collect() {
      this.reset();
      for (const [state, count] of Object.entries(troupe.node.taskCounts())) this.set({ state }, count);
    },
  });

  const observe = (trace: TurnTrace) => {
    const labels = { agent: trace.agent, platform: trace.platform };
    received.inc(labels);
    if (trace.error !== undefined) failed.inc(labels);
    if (trace.reply !== undefined) {
      replied.inc(labels);
      replyTime.observe(labels, trace.durationMs / 1000);
    }
    const recall = trace.recallMs;
    if (recall !== undefined) recallTime.observe({ agent: trace.agent }, recall / 1000);
  };
  return { registry, stop: troupe.onTrace(observe) };
}
