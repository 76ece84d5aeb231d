import { z } from "zod";

/** How an agent has done one capability: finished and failed tasks, and its average time per task. */
export const capabilityStatsSchema = z.object({
  succeeded: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** Exponentially weighted average of task time, in ms. */
  latencyMs: z.number().min(0),
});
export type CapabilityStats = z.infer<typeof capabilityStatsSchema>;

/** Weight of the newest task in the latency average. */
const LATENCY_WEIGHT = 0.2;

/** Records one finished task in `stats` (a map of capability → stats), in place. */
export function recordTask(
  stats: Record<string, CapabilityStats>,
  capability: string,
  ok: boolean,
  latencyMs: number,
): void {
  const current = stats[capability] ?? { succeeded: 0, failed: 0, latencyMs };
  stats[capability] = {
    succeeded: current.succeeded + (ok ? 1 : 0),
    failed: current.failed + (ok ? 0 : 1),
    latencyMs: current.latencyMs + LATENCY_WEIGHT * (latencyMs - current.latencyMs),
  };
}

/**
 * How attractive an agent is for a capability, as its bid in a small market:
 * a success rate (with a prior, so newcomers get work), divided by how busy
 * it is and by how slow it has been. Higher is better.
 */
export function scoreAgent(stats: CapabilityStats | undefined, load: number): number {
  const succeeded = stats?.succeeded ?? 0;
  const failed = stats?.failed ?? 0;
  const successRate = (succeeded + 1) / (succeeded + failed + 2);
  const latency = stats?.latencyMs ?? 0;
  return successRate / (1 + load) / (1 + latency / 1000);
}
