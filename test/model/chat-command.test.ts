import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe chat on an OpenAI-compatible server", () => {
  const tempDir = useTempDir();
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
  });
  afterEach(() => fake.close());

  it("talks through the server given by OPENAI_BASE_URL and OPENAI_API_KEY", async () => {
    const result = await runCli(["chat", "Juno", "--user", "Ada", "--data-dir", tempDir()], {
      input: "hello there\nhow are you?\n",
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "x" },
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "Juno: You said: hello there",
      "Juno: You said: how are you?",
    ]);
    expect(fake.requests.filter((request) => request.endpoint === "chat")).toHaveLength(2);
    expect(fake.requests.every((request) => request.authorization === "Bearer x")).toBe(true);
  });

  it("exits 1 with one clear line when the key is rejected", async () => {
    fake.acceptKey = "another-key";
    const result = await runCli(["chat", "Juno", "--data-dir", tempDir()], {
      input: "hello\n",
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "sk-not-this-one" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rejected the API key of Juno \(401\)\. Check OPENAI_API_KEY\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr + result.stdout).not.toContain("sk-not-this-one");
  });
});
