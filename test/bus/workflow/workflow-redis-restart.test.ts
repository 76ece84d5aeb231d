import { afterEach, describe, expect, it } from "vitest";
import { BusNode, parseWorkflow } from "../../../src/bus/index.js";
import { RedisBus } from "../../../src/bus/transport/redis/index.js";
import { openTroupeStore } from "../../../src/runtime/index.js";
import { PrivateRedis } from "../../helpers/private-redis.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { fakeAgent } from "../fake-agents.js";
import { eventually } from "../transport/bus-contract.js";

/**
 * With Redis's data kept, the answer in hand survives, so the steps may wait long: a second call could then only
 * come from the bus. With it lost, the answer is lost too and only the step's timeout asks again.
 */
const article = (timeoutMs: number) =>
  parseWorkflow({
    name: "article",
    steps: [
      { id: "facts", capability: "research", input: "facts about {{input.topic}}", timeoutMs, retries: 5 },
      { id: "draft", capability: "write", input: "draft of {{steps.facts.output}}", timeoutMs, retries: 5 },
    ],
  });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function node(url: string, dataDir?: string): Promise<BusNode> {
  const bus = await RedisBus.connect({
    url,
    prefix: "wf",
    visibilityTimeoutMs: 500,
    claimIntervalMs: 100,
    blockMs: 100,
  });
  const created = await BusNode.connect({ bus, heartbeatMs: 100 });
  const db = dataDir === undefined ? undefined : openTroupeStore({ dataDir });
  await created.start(db);
  cleanups.push(async () => {
    await created.close();
    db?.close();
  });
  return created;
}

describe("a workflow on the Redis bus when Redis restarts mid-run", () => {
  const tempDir = useTempDir();

  for (const keepData of [true, false]) {
    it(`finishes every step ${keepData ? "(Redis kept its data)" : "(Redis lost its data)"}`, async () => {
      const redis = await PrivateRedis.start();
      cleanups.push(() => redis.stop());
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const theo = fakeAgent("Theo", ["research"], async (text) => {
        await gate;
        return text.toUpperCase();
      });
      const wren = fakeAgent("Wren", ["write"], (text) => text);
      const workers = await node(redis.url);
      await workers.serve(theo);
      await workers.serve(wren);
      const asker = await node(redis.url, tempDir());
      await eventually(() => expect(asker.registry.live()).toHaveLength(2));

      const run = asker.runWorkflow(article(keepData ? 10_000 : 1000), { topic: "tides" });
      await eventually(() => expect(theo.calls).toHaveLength(1));
      await redis.restart({ keepData, downMs: 200 });
      release();

      const result = await run;
      expect(result.status).toBe("succeeded");
      expect(result.output).toBe("draft of FACTS ABOUT TIDES");
      // The step in hand when Redis went away is asked again only when its answer was lost with Redis's data.
      if (keepData) expect(theo.calls).toEqual(["facts about tides"]);
      expect(wren.calls).toEqual(["draft of FACTS ABOUT TIDES"]);
    }, 20_000);
  }
});
