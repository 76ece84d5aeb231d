import type { FakeOpenAIServer } from "../../test/fakes/openai-server.js";
import type { PrivateRedis } from "../../test/helpers/private-redis.js";
import type { SoakTroupe } from "./soak-troupe.js";
import type { Platforms } from "./traffic.js";

/** The faults `--chaos` injects, one at a time, at random. */
const FAULTS = [
  "redis restarts without its data",
  "redis restarts with its data",
  "telegram answers 429",
  "telegram drops the connection",
  "discord answers 429",
  "discord drops the gateway",
  "the model server answers 500 for 10 s",
  "the troupe is killed (SIGKILL) and started again",
] as const;

/** What chaos can break. */
export interface ChaosTargets {
  redis: PrivateRedis;
  platforms: Platforms;
  model: FakeOpenAIServer;
  troupe: SoakTroupe;
}

/**
 * Injects a random fault every 15–45 s until stopped; returns what it did,
 * in order, for the soak's report.
 */
export function startChaos(targets: ChaosTargets): { stop(): Promise<string[]> } {
  const done: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const next = () => {
    timer = setTimeout(
      () => {
        const fault = FAULTS[Math.floor(Math.random() * FAULTS.length)] as (typeof FAULTS)[number];
        done.push(fault);
        current = inject(fault, targets).catch((error: unknown) => {
          done.push(`${fault} failed: ${(error as Error).message}`);
        });
        void current.then(next);
      },
      15_000 + Math.random() * 30_000,
    );
  };
  next();
  return {
    async stop() {
      clearTimeout(timer);
      await current;
      return done;
    },
  };
}

async function inject(fault: (typeof FAULTS)[number], targets: ChaosTargets): Promise<void> {
  const { redis, model, troupe } = targets;
  const { telegram, discord } = targets.platforms;
  switch (fault) {
    case "redis restarts without its data":
      return redis.restart({ keepData: false, downMs: 1000 });
    case "redis restarts with its data":
      return redis.restart({ keepData: true, downMs: 1000 });
    case "telegram answers 429":
      telegram.fake.failNext(
        "sendMessage",
        { kind: "error", status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 },
        3,
      );
      return;
    case "telegram drops the connection":
      telegram.fake.failNext("getUpdates", { kind: "drop" }, 2);
      return;
    case "discord answers 429":
      discord.fake.failNext({ status: 429, retryAfterSeconds: 1 }, { status: 429, retryAfterSeconds: 1 });
      return;
    case "discord drops the gateway":
      discord.fake.gateway.dropConnections();
      return;
    case "the model server answers 500 for 10 s":
      model.fail(500);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      model.restore();
      return;
    case "the troupe is killed (SIGKILL) and started again":
      return troupe.killAndRestart(1000);
  }
}
