import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const SCRIPT = resolve(import.meta.dirname, "../fixtures/scripts/young-generation.ts");

/** The young generation's semi-space capacity, in MB, after the script's allocations. */
async function youngCapacity(cap: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", SCRIPT, cap], {
    env: { ...process.env, NODE_OPTIONS: "", ...env },
  });
  return Number(stdout.trim());
}

describe("capYoungGeneration", () => {
  it("keeps the young generation at the cap, also after a worker thread's heap is set up", async () => {
    const [capped, uncapped] = await Promise.all([youngCapacity("4"), youngCapacity("none")]);
    expect(uncapped).toBeGreaterThan(4);
    expect(capped).toBe(4);
  }, 30_000);

  it("leaves the young generation to an explicit --max-semi-space-size in NODE_OPTIONS", async () => {
    // An explicit size above the cap: one below it would keep the young generation small whether or not the cap
    // stood aside.
    expect(await youngCapacity("4", { NODE_OPTIONS: "--max-semi-space-size=16" })).toBeGreaterThan(4);
  }, 30_000);
});
