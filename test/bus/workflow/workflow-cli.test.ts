import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";
import { useTempDir } from "../../helpers/temp-dir.js";

describe("troupe workflow run", () => {
  const tempDir = useTempDir();

  it("runs the demo workflow with the demo characters, showing each step and who did it", async () => {
    const input = JSON.stringify({ topic: "penicillin", claim: "Fleming discovered penicillin", review: true });
    const result = await runCli([
      "workflow",
      "run",
      "workflows/article.json",
      "--input",
      input,
      "--data-dir",
      tempDir(),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ research \(research\) done by Theo/);
    expect(result.stdout).toMatch(/✓ fact-check \(fact-check\) done by Theo/);
    expect(result.stdout).toMatch(/✓ draft \(write\) done by Wren/);
    expect(result.stdout).toMatch(/✓ introduce \(introductions\) done by Juno/);
    expect(result.stdout).toMatch(/Workflow article succeeded/);
  });

  it("says what is wrong with the input", async () => {
    const result = await runCli([
      "workflow",
      "run",
      "workflows/article.json",
      "--input",
      "[1,",
      "--data-dir",
      tempDir(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--input must be a JSON object/);
  });

  it("refuses to run without the input its steps need, naming the fields", async () => {
    const result = await runCli(["workflow", "run", "workflows/article.json", "--data-dir", tempDir()]);
    expect(result.code).toBe(1);
    // `review` is read only by a step's `when`: leaving it out skips that step, so it is not asked for.
    expect(result.stderr.trim()).toBe(
      `Workflow article needs topic and claim in its input: --input '{"topic":"…","claim":"…"}'`,
    );
    expect(result.stdout).toBe("");
  });
});
