import { describe, expect, it } from "vitest";
import { createLogger, type InboundMessage, Troupe } from "../../../src/index.js";
import { TraceLimitSettingError } from "../../../src/runtime/index.js";
import { useTempDir } from "../../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });

function direct(text: string): InboundMessage {
  return { platform: "test", room: { id: "dm-ada", kind: "direct" }, user: { id: "ada", name: "Ada" }, text };
}

describe("the traces an agent keeps", () => {
  const tempDir = useTempDir();

  it("keeps only the last TROUPE_TRACE_LIMIT messages, newest first, and forgets the older ones by id too", async () => {
    const troupe = await Troupe.start(["characters/host.json"], {
      dataDir: tempDir(),
      logger,
      env: { TROUPE_TRACE_LIMIT: "3" },
    });
    const ids: string[] = [];
    for (const text of ["one", "two", "three", "four", "five"]) {
      const reply = await troupe.send("Juno", direct(`message ${text}`));
      ids.push(reply?.traceId ?? "");
    }
    const juno = troupe.agent("Juno");
    expect(juno?.traces().map((trace) => trace.text)).toEqual(["message five", "message four", "message three"]);
    expect(juno?.traces(2).map((trace) => trace.id)).toEqual([ids[4], ids[3]]);
    expect(troupe.trace(ids[0] as string)).toBeUndefined();
    expect(troupe.trace(ids[1] as string)).toBeUndefined();
    expect(troupe.trace(ids[2] as string)?.text).toBe("message three");
    await troupe.stop();
  });

  it("keeps 100 by default", async () => {
    // Rate limit off: past 30 messages a minute Ada would be turned away before the pipeline.
    const troupe = await Troupe.start(["characters/host.json"], {
      dataDir: tempDir(),
      logger,
      env: { TROUPE_RATE_LIMIT: "off" },
    });
    for (let i = 0; i < 103; i++) await troupe.send("Juno", direct(`hello ${i}`));
    const kept = troupe.agent("Juno")?.traces(1000) ?? [];
    expect(kept).toHaveLength(100);
    expect(kept.at(-1)?.text).toBe("hello 3");
    await troupe.stop();
  });

  it.each(["lots", "-1", "2.5", "10001"])("refuses TROUPE_TRACE_LIMIT=%s naming the variable", async (value) => {
    const start = Troupe.start(["characters/host.json"], {
      dataDir: tempDir(),
      logger,
      env: { TROUPE_TRACE_LIMIT: value },
    });
    await expect(start).rejects.toBeInstanceOf(TraceLimitSettingError);
    await expect(start).rejects.toThrow(/^TROUPE_TRACE_LIMIT: expected a whole number/);
  });
});
