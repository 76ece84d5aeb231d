import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/run-cli.js";
import { callTool } from "./call-tool.js";

describe("troupe mcp, driven by the MCP SDK's client over stdio", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-mcp-"));
  const client = new Client({ name: "test-client", version: "1.0.0" });

  beforeAll(async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "mcp", "--data-dir", dataDir, "--offline"],
      cwd: REPO,
      // Debug logging: every line of it must go to standard error, never into the protocol on standard output.
      env: { LOG_LEVEL: "debug", LOG_FORMAT: "json" },
      stderr: "ignore",
    });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the troupe's tools", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      "send_message",
      "search_memory",
      "read_working_memory",
      "store_knowledge",
      "delegate_task",
      "run_workflow",
      "system_status",
    ]);
    const send = tools[0];
    expect(send?.inputSchema).toMatchObject({ required: ["agent", "user", "text"] });
  });

  it("sends a message as a user and gets an in-character reply that the agent then remembers", async () => {
    const reply = await callTool(client, "send_message", {
      agent: "theo",
      user: "ada",
      text: "Hi! My name is Ada and I keep bees on my roof.",
    });
    expect(reply.isError).toBe(false);
    expect(reply.text).toContain("Ada");

    const memory = await callTool(client, "search_memory", { agent: "Theo", user: "ada", query: "bees on the roof" });
    expect(memory.isError).toBe(false);
    expect(memory.text).toContain("I keep bees on my roof");

    const working = await callTool(client, "read_working_memory", { agent: "Theo", user: "ada" });
    expect(working.text).toMatch(/"name": "Ada"/);
    // Another user's memories stay theirs.
    const stranger = await callTool(client, "search_memory", { agent: "Theo", user: "bob", query: "bees on the roof" });
    expect(stranger.text).not.toContain("I keep bees");
  });

  it("stores knowledge for an agent, which it then recalls", async () => {
    const stored = await callTool(client, "store_knowledge", {
      agent: "Juno",
      title: "lighthouse",
      text: "The Bell Rock lighthouse off Arbroath was finished in 1810.",
    });
    expect(stored.text).toMatch(/^Juno now knows it/);
    const again = await callTool(client, "store_knowledge", {
      agent: "Juno",
      title: "lighthouse",
      text: "The Bell Rock lighthouse off Arbroath was finished in 1810.",
    });
    expect(again.text).toBe("Juno already knew that.");
    const found = await callTool(client, "search_memory", {
      agent: "Juno",
      query: "When was Bell Rock lighthouse finished?",
    });
    expect(found.text).toContain("finished in 1810");
  });

  it("runs the demo workflow and reports each step and the output", async () => {
    const run = await callTool(client, "run_workflow", {
      workflow: "article",
      input: { topic: "penicillin", claim: "Fleming discovered penicillin" },
    });
    expect(run.isError).toBe(false);
    expect(run.text).toMatch(/^Workflow article succeeded/);
    expect(run.text).toMatch(/succeeded research by Theo/);
    expect(run.text).toMatch(/succeeded draft by Wren/);
    expect(run.text).toMatch(/skipped review/);
  });

  it("delegates a task by capability and reports the system's state", async () => {
    const task = await callTool(client, "delegate_task", { capability: "research", input: "What are tides?" });
    expect(task.isError).toBe(false);
    expect(task.text).toMatch(/^Theo: /);
    const status = await callTool(client, "system_status");
    expect(status.text).toMatch(/^Agents: .*Juno \(offline model\)/);
    expect(status.data).toMatchObject({ agents: expect.arrayContaining([expect.objectContaining({ name: "Wren" })]) });
  });

  it("answers bad input and unknown names with tool errors, and keeps serving", async () => {
    const unknown = await callTool(client, "send_message", { agent: "Nobody", user: "ada", text: "hi" });
    expect(unknown).toMatchObject({ isError: true });
    expect(unknown.text).toMatch(/^No agent named Nobody\. This troupe runs: .*Juno/);
    const empty = await callTool(client, "send_message", { agent: "Juno", user: "ada", text: "" });
    expect(empty.isError).toBe(true);
    expect(empty.text).toMatch(/text/);
    const path = await callTool(client, "run_workflow", { workflow: "../../etc/passwd" });
    expect(path.isError).toBe(true);
    expect(path.text).toMatch(/expected a workflow name from workflows\//);
    const missing = await callTool(client, "run_workflow", { workflow: "article", input: {} });
    expect(missing.text).toBe("Workflow article needs topic and claim in its input.");
    const nobody = await callTool(client, "delegate_task", { capability: "juggling", input: "juggle" });
    expect(nobody.isError).toBe(true);
    expect(nobody.text).toMatch(/No agent can do 'juggling'/);
    expect((await callTool(client, "system_status")).isError).toBe(false);
  });
});
