import type { Logger } from "pino";
import { z } from "zod";
import type { Bus, Unsubscribe } from "../bus.js";
import { createEnvelope } from "../envelope.js";
import { type CapabilityStats, capabilityStatsSchema, scoreAgent } from "./capability-stats.js";

/** The broadcast topic heartbeats travel on. */
export const REGISTRY_TOPIC = "registry";

const heartbeatSchema = z.object({
  agent: z.string().min(1),
  instance: z.string().min(1),
  capabilities: z.array(z.object({ name: z.string().min(1), description: z.string().default("") })),
  load: z.number().min(0),
  stats: z.record(z.string(), capabilityStatsSchema),
  leaving: z.boolean().optional(),
});

/** What one agent instance announces with each heartbeat. */
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** A live agent as the registry sees it, merged over its instances (processes). */
export interface LiveAgent {
  name: string;
  instances: number;
  capabilities: { name: string; description: string }[];
  /** Tasks in hand, over all instances. */
  load: number;
  stats: Record<string, CapabilityStats>;
}

/** Options of `Registry`. */
export interface RegistryOptions {
  bus: Bus;
  /** This process's id on the bus. */
  instance: string;
  /** How often local agents announce themselves. Default 1000 ms; an agent silent for 3 beats is gone. */
  heartbeatMs?: number;
  logger?: Logger;
}

interface Seen {
  heartbeat: Heartbeat;
  at: number;
}

/**
 * Who is alive on the bus and what they can do. Local agents announce
 * themselves (capabilities, load, per-capability success and latency) every
 * heartbeat; the registry hears every agent's heartbeats, including those
 * of other processes, and forgets agents that fall silent.
 */
export class Registry {
  private readonly bus: Bus;
  private readonly instance: string;
  private readonly heartbeatMs: number;
  private readonly logger: Logger | undefined;
  private readonly seen = new Map<string, Seen>();
  private readonly local = new Map<string, () => Heartbeat>();
  private timer: NodeJS.Timeout | undefined;
  /** Whether the bus was down when last looked at. */
  private busDown = false;
  private unsubscribe: Unsubscribe | undefined;

  constructor(options: RegistryOptions) {
    this.bus = options.bus;
    this.instance = options.instance;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.logger = options.logger;
  }

  /** Starts listening (catching up on recent heartbeats) and beating. */
  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(REGISTRY_TOPIC, (envelope) => this.hear(envelope.payload), {
      since: Date.now() - 3 * this.heartbeatMs,
    });
    this.timer = setInterval(() => {
      this.watchBus();
      void this.beat();
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Announces a local agent; `status` is read at every heartbeat. */
  async announce(agent: string, status: () => Omit<Heartbeat, "agent" | "instance">): Promise<void> {
    this.local.set(agent, () => ({ ...status(), agent, instance: this.instance }));
    await this.beat();
  }

  /** Every live agent, merged over its instances. */
  live(): LiveAgent[] {
    const agents = new Map<string, LiveAgent>();
    for (const heartbeat of this.heartbeats()) {
      const agent = agents.get(heartbeat.agent) ?? {
        name: heartbeat.agent,
        instances: 0,
        capabilities: [],
        load: 0,
        stats: {},
      };
      agent.instances++;
      agent.load += heartbeat.load;
      for (const capability of heartbeat.capabilities) {
        if (!agent.capabilities.some((known) => known.name === capability.name)) agent.capabilities.push(capability);
      }
      for (const [name, stats] of Object.entries(heartbeat.stats))
        agent.stats[name] = mergeStats(agent.stats[name], stats);
      agents.set(heartbeat.agent, agent);
    }
    return [...agents.values()];
  }

  /** Live agents that can do `capability`, best bid first, leaving out `exclude`. */
  candidates(capability: string, exclude: string[] = []): LiveAgent[] {
    return this.live()
      .filter((agent) => !exclude.includes(agent.name))
      .filter((agent) => agent.capabilities.some((known) => known.name === capability))
      .map((agent) => ({ agent, score: scoreAgent(agent.stats[capability], agent.load / agent.instances) }))
      .sort((a, b) => b.score - a.score)
      .map((entry) => entry.agent);
  }

  /**
   * Announces that local agents are leaving (unless `goodbye` is false: the
   * bus is down, and peers drop agents whose heartbeats stop anyway) and
   * stops beating and listening.
   */
  async stop(options: { goodbye?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const leaving = [...this.local.values()].map((status) => ({ ...status(), leaving: true }));
    this.local.clear();
    if (options.goodbye === false) leaving.length = 0;
    await Promise.all(leaving.map((heartbeat) => this.send(heartbeat))).catch((error: unknown) =>
      this.logger?.warn({ err: error }, "could not say goodbye on the bus"),
    );
    await this.unsubscribe?.();
  }

  /**
   * This process's agents as they are now (a pause or resume counts at once,
   * and a stalled event loop cannot make them look gone), then the other
   * processes' as last heard, forgetting those silent for three beats.
   */
  private heartbeats(): Heartbeat[] {
    this.watchBus();
    const now = Date.now();
    const heard: Heartbeat[] = [];
    for (const [key, { heartbeat, at }] of this.seen) {
      if (heartbeat.instance === this.instance) continue;
      if (!this.busDown && now - at > 3 * this.heartbeatMs) this.seen.delete(key);
      else heard.push(heartbeat);
    }
    return [...[...this.local.values()].map((status) => status()), ...heard];
  }

  /**
   * While this process's bus is down no heartbeat can reach it, so that
   * silence says nothing of the other processes: their agents are kept, and
   * given three beats from the bus's return to be heard again.
   */
  private watchBus(): void {
    const down = !this.bus.status().ready;
    if (this.busDown && !down) {
      const now = Date.now();
      for (const seen of this.seen.values()) seen.at = Math.max(seen.at, now);
    }
    this.busDown = down;
  }

  private async beat(): Promise<void> {
    try {
      await Promise.all([...this.local.values()].map((status) => this.send(status())));
    } catch (error) {
      // While the bus is down it says so itself, once; a line per missed beat would bury it.
      if (this.bus.status().ready) this.logger?.warn({ err: error }, "could not send a heartbeat");
    }
  }

  private async send(heartbeat: Heartbeat): Promise<void> {
    await this.bus.publish(
      REGISTRY_TOPIC,
      createEnvelope({ kind: "event", from: heartbeat.agent, payload: heartbeat }),
    );
  }

  private hear(payload: unknown): void {
    const parsed = heartbeatSchema.safeParse(payload);
    if (!parsed.success) return;
    const key = `${parsed.data.agent}\u0000${parsed.data.instance}`;
    if (parsed.data.leaving) this.seen.delete(key);
    else this.seen.set(key, { heartbeat: parsed.data, at: Date.now() });
  }
}

function mergeStats(a: CapabilityStats | undefined, b: CapabilityStats): CapabilityStats {
  if (!a) return b;
  const total = a.succeeded + a.failed + b.succeeded + b.failed;
  const weightA = total === 0 ? 0.5 : (a.succeeded + a.failed) / total;
  return {
    succeeded: a.succeeded + b.succeeded,
    failed: a.failed + b.failed,
    latencyMs: a.latencyMs * weightA + b.latencyMs * (1 - weightA),
  };
}
