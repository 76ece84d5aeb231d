import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/run-cli.js";

describe("troupe mcp's standard output", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-mcp-stdout-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("carries only JSON-RPC messages, even with debug logs on and a message handled", async () => {
    const child = spawn(process.execPath, [BIN, "mcp", "--data-dir", dataDir], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: "debug", LOG_FORMAT: "json" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const lines: string[] = [];
    const answered = new Promise<void>((done) => {
      createInterface({ input: child.stdout }).on("line", (line) => {
        lines.push(line);
        if (line.includes('"id":2')) done();
      });
    });
    const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
    send({
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    send({ method: "notifications/initialized" });
    send({
      id: 2,
      method: "tools/call",
      params: { name: "send_message", arguments: { agent: "Juno", user: "ada", text: "Hello Juno!" } },
    });
    await answered;
    child.stdin.end();
    await new Promise((done) => child.once("close", done));

    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    const reply = JSON.parse(lines.find((line) => line.includes('"id":2')) ?? "{}");
    expect(reply.result.isError).toBeUndefined();
    expect(reply.result.content[0].text).not.toBe("");
    // The logs were written, to standard error.
    expect(stderr).toMatch(/"level":(?:20|30)/);
  });
});
