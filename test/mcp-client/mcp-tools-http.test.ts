import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Troupe } from "../../src/runtime/index.js";
import { type RunningServer, serve } from "../../src/server/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";

describe("an MCP server reached over streamable HTTP, as an agent's actions", () => {
  const dir = mkdtempSync(join(tmpdir(), "troupe-mcp-url-"));
  let peers: Troupe;
  let server: RunningServer;
  let fake: FakeOpenAIServer;
  let agent: TestAgent;

  beforeAll(async () => {
    // Another troupe's own /mcp is the server: its tools become this agent's.
    const file = join(dir, "wren.json");
    writeFileSync(file, JSON.stringify({ name: "Wren", bio: ["Wren writes."], capabilities: ["write"] }));
    peers = await Troupe.start([file], { dataDir: join(dir, "data"), env: {}, cwd: dir });
    server = await serve(peers, { host: "127.0.0.1", port: 0 });
    fake = await startFakeOpenAIServer();
    agent = await createTestAgent({
      character: {
        name: "Sage",
        mcp: [{ name: "peers", url: `${server.url}/mcp`, tools: ["system_status", "send_message"] }],
        model: { provider: "openai-compatible", baseUrl: fake.url, apiKey: "test-key", model: "gpt-test" },
      },
    });
  });
  afterAll(async () => {
    await agent.stop();
    await fake.close();
    await server.close();
    await peers.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the tool a model calls on the remote server and hands its answer back", async () => {
    fake.script(
      "chat",
      { kind: "tool-call", name: "peers_send_message", args: { agent: "Wren", user: "sage", text: "Hi, I am Sage." } },
      { kind: "reply", text: "Wren says hello." },
    );
    const reply = await agent.send("say hi to Wren for me");
    expect(reply.text).toBe("Wren says hello.");
    expect(reply.actions).toEqual([expect.objectContaining({ name: "peers_send_message", ok: true })]);
    expect(reply.actions[0]?.result).toMatch(/\bsage\b/i);
    const tools = fake.requests.filter((request) => request.endpoint === "chat").at(-2)?.body.tools ?? [];
    expect(tools.map((tool) => tool.function.name).sort()).toEqual(["peers_send_message", "peers_system_status"]);
  });
});
