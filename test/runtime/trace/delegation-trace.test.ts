import { describe, expect, it } from "vitest";
import { createLogger, type InboundMessage, Troupe } from "../../../src/index.js";
import { eventually } from "../../bus/transport/bus-contract.js";
import { REDIS_URL, useRedisPrefixes } from "../../bus/transport/redis-test-bus.js";
import { useTempDir } from "../../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const QUESTION = "Can you research when penicillin was discovered?";

function fromAda(text: string): InboundMessage {
  return { platform: "test", room: { id: "dm-ada", kind: "direct" }, user: { id: "ada", name: "Ada" }, text };
}

/** Juno's trace of the question, and the trace it names as Theo's, looked up in `helperTroupe`. */
async function askJuno(juno: Troupe, helperTroupe: Troupe) {
  const reply = await juno.send("Juno", fromAda(QUESTION));
  expect(reply?.text).toContain("Fleming");
  const asked = juno.trace(reply?.traceId ?? "")?.view();
  const delegation = asked?.delegations[0];
  const helped = helperTroupe.trace(delegation?.traceId ?? "")?.view();
  return { reply, asked, delegation, helped };
}

describe("a delegated message's trace", () => {
  const tempDir = useTempDir();
  const redis = useRedisPrefixes();

  it("names the helper and its task, and the helper's own trace links back (in-process bus)", async () => {
    const troupe = await Troupe.start(["characters/host.json", "characters/researcher.json"], {
      dataDir: tempDir(),
      logger,
    });
    try {
      const { asked, delegation, helped } = await askJuno(troupe, troupe);
      expect(asked?.tools.map((tool) => tool.name)).toEqual(["delegate"]);
      expect(delegation).toMatchObject({ capability: "research", helper: "Theo", taskId: expect.any(String) });
      expect(delegation?.durationMs).toBeGreaterThan(0);
      expect(helped?.agent).toBe("Theo");
      expect(helped?.parentId).toBe(asked?.id);
      expect(helped?.platform).toBe("bus");
      expect(helped?.reply).toContain("Fleming");
      // The helper's own steps are in its trace, not in Juno's.
      expect(helped?.steps.map((step) => step.name)).toContain("generate");
    } finally {
      await troupe.stop();
    }
  });

  it("crosses Redis: the task carries Juno's trace id, and Theo's process keeps the trace that links back", async () => {
    const prefix = redis.prefix();
    const theo = await Troupe.start(["characters/researcher.json"], {
      dataDir: tempDir(),
      logger,
      bus: REDIS_URL,
      busPrefix: prefix,
    });
    const juno = await Troupe.start(["characters/host.json"], {
      dataDir: tempDir(),
      logger,
      bus: REDIS_URL,
      busPrefix: prefix,
    });
    try {
      await eventually(() => expect(juno.node.registry.live().map((agent) => agent.name)).toContain("Theo"));
      const { asked, delegation, helped } = await askJuno(juno, theo);
      expect(delegation).toMatchObject({ capability: "research", helper: "Theo" });
      expect(helped?.parentId).toBe(asked?.id);
      // Each process keeps its own agents' traces.
      expect(juno.trace(delegation?.traceId ?? "")).toBeUndefined();
      expect(theo.trace(asked?.id ?? "")).toBeUndefined();
    } finally {
      await juno.stop();
      await theo.stop();
    }
  });
});
