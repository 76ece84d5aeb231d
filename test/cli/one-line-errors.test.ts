import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { BIN, REPO, runCli, spawnNode } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("what the troupe command prints when something is wrong", () => {
  const tempDir = useTempDir();

  it("says a bad --bus in one line, with no stack", async () => {
    const result = await runCli(["chat", "Juno", "--bus", "http://127.0.0.1:1", "--data-dir", tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(/^Unknown bus 'http:\/\/127\.0\.0\.1:1': expected redis:\/\/host:port/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("says a model server is down in short lines, with no stack, and still answers", async () => {
    const result = await runCli(["chat", "Juno", "--no-helpers", "--data-dir", tempDir()], {
      input: "hello\n",
      env: { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_API_KEY: "sk-unused", TROUPE_MODEL_RETRIES: "1" },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Juno: \S/);
    expect(result.stderr).not.toMatch(/"stack"|\n\s+at /);
    expect(result.stderr).toMatch(/is unavailable/);
  });

  it("never puts a configuration error in a character's mouth", async () => {
    const result = await runCli(["chat", "Juno", "--data-dir", tempDir()], { env: { TROUPE_TEMPERATURE: "9" } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid TROUPE_TEMPERATURE for Juno: /);
    expect(result.stderr).not.toMatch(/^Juno: /m);
  });

  it("stops quietly when the reader of its output goes away (troupe … | head)", async () => {
    const child = spawnNode(REPO, [BIN, "chat", "Juno", "--user", "Ada", "--data-dir", tempDir()]);
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdin.end("hello\nwho are you?\n");
    const code = await new Promise((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("log lines", () => {
  const tempDir = useTempDir();

  it("are JSON when standard error is not a terminal, and short readable lines with LOG_FORMAT=pretty", async () => {
    const args = ["chat", "Juno", "--no-helpers", "--data-dir", tempDir()];
    const json = await runCli(args, { env: { LOG_LEVEL: "info" } });
    const first = json.stderr.split("\n")[0] ?? "";
    expect(JSON.parse(first)).toMatchObject({ agent: "Juno", msg: "Juno uses the offline model" });

    const pretty = await runCli(args, { env: { LOG_LEVEL: "info", LOG_FORMAT: "pretty" } });
    const line = stripVTControlCharacters(pretty.stderr.split("\n")[0] ?? "");
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[Juno\] Juno uses the offline model$/);
  });
});
