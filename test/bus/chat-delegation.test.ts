import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe chat with the troupe on the bus", () => {
  const tempDir = useTempDir();

  it("answers a research question with Theo's result and says Theo helped", async () => {
    const question = "Can you research when penicillin was discovered?\n";
    const alone = await runCli(["chat", "Juno", "--user", "Ada", "--no-helpers", "--data-dir", tempDir()], {
      input: question,
    });
    expect(alone.code).toBe(0);
    // Juno on her own does not know it: the answer below really comes from Theo.
    expect(alone.stdout).not.toContain("Fleming");

    const helped = await runCli(["chat", "Juno", "--user", "Ada", "--data-dir", tempDir()], { input: question });
    expect(helped.code).toBe(0);
    const lines = helped.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Juno: /);
    expect(lines[0]).toContain("Alexander Fleming discovered penicillin in 1928");
    expect(lines[0]).toMatch(/Theo helped/);
  });
});
