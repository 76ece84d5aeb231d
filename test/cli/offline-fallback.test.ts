import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const ELIZA_OPENAI = "test/fixtures/characters/eliza-openai.character.json";
const NO_MODEL_ENV = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", TROUPE_PROVIDER: "", TROUPE_OFFLINE: "" };

describe("an elizaOS file that asks for OpenAI, with no key set", () => {
  const tempDir = useTempDir();

  it("runs on the offline model with one warning saying how to give it its model", async () => {
    const result = await runCli(["chat", ELIZA_OPENAI, "--user", "Bo", "--data-dir", tempDir()], {
      input: "hello\n",
      env: NO_MODEL_ENV,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Ada: \S/);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("OPENAI_API_KEY"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Ada asks for OpenAI .* runs on the offline model\. Set OPENAI_API_KEY/);
  });

  it("runs offline with --offline even when a key is set, and never calls the server", async () => {
    const result = await runCli(["chat", ELIZA_OPENAI, "--offline", "--user", "Bo", "--data-dir", tempDir()], {
      input: "hello\n",
      // An unreachable server: any call to it would fail start-up or the reply.
      env: { ...NO_MODEL_ENV, OPENAI_API_KEY: "sk-unused", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Ada: \S/);
    expect(result.stderr).not.toContain("sk-unused");
  });
});
