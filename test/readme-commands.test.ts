import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers/run-cli.js";
import { useTempDir } from "./helpers/temp-dir.js";

/** The README's shell blocks whose info string says `runnable`: `` ```bash runnable ``. */
function runnableBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:bash|sh) runnable\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
}

function runBash(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn("bash", ["-euo", "pipefail", "-c", script], { cwd: REPO, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.end();
    child.on("close", (code) => done({ code, output }));
  });
}

describe("the README", () => {
  const tempDir = useTempDir();
  const blocks = runnableBlocks(readFileSync(`${REPO}/README.md`, "utf8"));

  it("marks the commands a test can run as they are shown", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((block) => [block.split("\n")[0] as string, block]))(
    "runs `%s` as shown, offline",
    async (_first, block) => {
      const result = await runBash(block, { TROUPE_DATA_DIR: tempDir(), LOG_LEVEL: "warn", REDIS_URL: "" });
      expect(result.code, result.output).toBe(0);
    },
    120_000,
  );
});
