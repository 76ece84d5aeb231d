import { rmSync, writeFileSync } from "node:fs";
import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpToolsets, type McpToolset } from "../../src/mcp-client/index.js";
import { captureLogs } from "../helpers/capture-logs.js";
import { notesServer, waitFor } from "./notes-server.js";

describe("an MCP server that dies mid-conversation", () => {
  const notes = notesServer();
  const logs = captureLogs("info");
  let toolset: McpToolset;
  let agent: TestAgent;

  beforeAll(async () => {
    // Short waits between attempts, so the test sees the retry in well under a second.
    [toolset] = createMcpToolsets([notes.config], { logger: logs.logger, retry: { baseDelayMs: 50, maxDelayMs: 200 } });
    agent = await createTestAgent({
      character: { name: "Sage", mcp: [notes.config] },
      actionSources: [toolset as McpToolset],
      logger: logs.logger,
    });
  });
  afterAll(async () => {
    await agent.stop();
    notes.remove();
  });

  it("fails politely while it is down, keeps the agent answering, and uses the tool again once it is back", async () => {
    const before = await agent.send('read my note called "groceries"');
    expect(before.text).toContain("eggs, flour and a lemon");

    writeFileSync(notes.downFile, "");
    process.kill(notes.pid(), "SIGKILL");
    await waitFor(() => !toolset.up);

    const down = await agent.send('read my note called "groceries"');
    expect(down.actions).toEqual([expect.objectContaining({ name: "notes_read_note", ok: false })]);
    expect(down.text).toMatch(/didn't (?:work|go through)/);
    expect(down.text).not.toContain("eggs");
    // The agent itself is fine: a message that needs no tool is answered as usual.
    expect((await agent.send("my name is Ada")).text).toContain("Ada");

    const stopped = logs.lines.filter((line) => String(line.msg).startsWith("MCP server notes stopped"));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.level).toBe(40);

    rmSync(notes.downFile);
    await waitFor(() => toolset.up);
    const after = await agent.send('read my note called "books"');
    expect(after.actions).toEqual([expect.objectContaining({ name: "notes_read_note", ok: true })]);
    expect(after.text).toContain("return Middlemarch to the library");
    // Each failed attempt in between was quiet; coming back was one line.
    expect(logs.lines.filter((line) => String(line.msg).startsWith("MCP server notes stopped"))).toHaveLength(1);
    expect(logs.lines.filter((line) => line.msg === "MCP server notes is up")).toHaveLength(2);
  });

  it("starts the agent without a server that cannot start, with one warning, and answers", async () => {
    const broken = captureLogs("info");
    const missing = createTestAgent({
      character: { name: "Wren", mcp: [{ ...notes.config, name: "gone", command: "/nonexistent/mcp-server" }] },
      logger: broken.logger,
    });
    const wren = await missing;
    try {
      expect((await wren.send("hello")).text).not.toBe("");
      const warnings = broken.lines.filter((line) => String(line.msg).startsWith("MCP server gone could not start"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/its tools are off, retrying$/);
    } finally {
      await wren.stop();
    }
  });
});
