import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Troupe } from "../../src/runtime/index.js";
import { createApp, type RunningServer, serve } from "../../src/server/index.js";
import { callTool } from "./call-tool.js";

const TOKEN = "mcp-test-token-0123456789";

function client(url: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } });
  return { client: new Client({ name: "http-test", version: "1.0.0" }), transport };
}

describe("the troupe's MCP tools over streamable HTTP at /mcp", () => {
  const dir = mkdtempSync(join(tmpdir(), "troupe-mcp-http-"));
  let troupe: Troupe;
  let server: RunningServer;

  beforeAll(async () => {
    const file = join(dir, "sage.json");
    writeFileSync(file, JSON.stringify({ name: "Sage", bio: ["Sage is a calm herbalist."] }));
    troupe = await Troupe.start([file], { dataDir: join(dir, "data"), env: {}, cwd: dir });
    server = await serve(troupe, { host: "127.0.0.1", port: 0, token: TOKEN });
  });
  afterAll(async () => {
    await server.close();
    await troupe.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the SDK's client with the API token: lists the tools and talks to an agent", async () => {
    const { client: mcp, transport } = client(server.url, TOKEN);
    await mcp.connect(transport);
    try {
      const { tools } = await mcp.listTools();
      expect(tools.map((tool) => tool.name)).toContain("send_message");
      const reply = await callTool(mcp, "send_message", { agent: "Sage", user: "ada", text: "Hello! My name is Ada." });
      expect(reply.isError).toBe(false);
      expect(reply.text).toContain("Ada");
      // A name with control and invisible characters is the same user once cleaned, as on every connector.
      const hostile = await callTool(mcp, "send_message", {
        agent: "Sage",
        user: "\u202eada\u001b",
        text: "I live in Lisbon.",
      });
      expect(hostile.isError).toBe(false);
      const profile = await callTool(mcp, "read_working_memory", { agent: "Sage", user: "ada" });
      expect(profile.text).toMatch(/"name": "Ada"/);
      const said = await callTool(mcp, "search_memory", { agent: "Sage", user: "ada", query: "where do I live" });
      expect(said.text).toContain("I live in Lisbon.");
      const bad = await callTool(mcp, "read_working_memory", { agent: "Sage" });
      expect(bad.isError).toBe(true);
      expect(bad.text).toMatch(/user/);
    } finally {
      await mcp.close();
    }
  });

  it("answers a message to a paused agent with a tool error saying so, as the API does, and works after resume", async () => {
    const { client: mcp, transport } = client(server.url, TOKEN);
    await mcp.connect(transport);
    try {
      troupe.slot("Sage")?.pause();
      const paused = await callTool(mcp, "send_message", { agent: "Sage", user: "bo", text: "Hello, I am Bo." });
      expect(paused.isError).toBe(true);
      expect(paused.text).toMatch(/^Sage is paused/);
      await troupe.slot("Sage")?.resume();
      const resumed = await callTool(mcp, "send_message", { agent: "Sage", user: "bo", text: "Hello, I am Bo." });
      expect(resumed.isError).toBe(false);
      expect(resumed.text).toMatch(/\bbo\b/i);
    } finally {
      await mcp.close();
    }
  });

  it("refuses a client without the token, or with a wrong one, before any tool runs", async () => {
    for (const token of [undefined, "wrong-token-0123456789"]) {
      const { client: mcp, transport } = client(server.url, token);
      await expect(mcp.connect(transport)).rejects.toThrow(/401|Unauthorized|bearer token/i);
    }
    const plain = await fetch(`${server.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(plain.status).toBe(401);
  });

  it("refuses a request whose Host header names another site (DNS rebinding), like the API", async () => {
    // fetch may not set Host, so the app is asked directly, as the server would.
    const app = createApp(troupe, { host: "127.0.0.1", token: TOKEN });
    const post = (host: string) =>
      app.request("/mcp", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          host,
          authorization: `Bearer ${TOKEN}`,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
    expect((await post("evil.example")).status).toBe(403);
    expect((await post("127.0.0.1:3000")).status).toBe(200);
  });
});
