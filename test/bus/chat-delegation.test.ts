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

  it("credits only the helper it asked itself, never the helpers of its helpers", async () => {
    // Theo asks Juno for introductions; Juno, answering that task, asks Wren to write.
    const result = await runCli(["chat", "Theo", "--user", "Zed", "--data-dir", tempDir()], {
      input: "Can you introduce me to someone who can write a poem?\nPlease write an introduction for my talk\n",
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.match(/helped with/g) ?? []).toHaveLength(1);
      expect(line).not.toMatch(/helped with this/);
    }
  });

  it("answers the same request for the second and third user of a data folder, not from Theo's memory of the first", async () => {
    const dataDir = tempDir();
    for (const user of ["Ann", "Bob", "Cid"]) {
      const result = await runCli(["chat", "Juno", "--user", user, "--data-dir", dataDir], {
        input: "Can you research when penicillin was discovered?\n",
      });
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(
        "Juno: Theo helped with research: From what I know: Alexander Fleming discovered penicillin in 1928.",
      );
    }
  });
});
