import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, spawnNode } from "../helpers/run-cli.js";

describe("troupe mcp's standard output", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-mcp-stdout-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("carries only JSON-RPC messages, even with debug logs on and a plugin that writes to the console", async () => {
    // A project of its own: a character whose plugin prints with console.log when it starts and on every message.
    const project = join(dataDir, "project");
    mkdirSync(join(project, "plugins", "noisy"), { recursive: true });
    writeFileSync(
      join(project, "plugins", "noisy", "index.mjs"),
      `export default { apiVersion: 1, name: "noisy",
        services: [{ name: "noisy", start() { console.log("noisy service started"); return {}; } }],
        providers: [{ name: "noisy", get() { console.log("noisy provider"); console.info("noisy info"); return undefined; } }] };`,
    );
    writeFileSync(
      join(project, "juno.json"),
      JSON.stringify({ name: "Juno", bio: ["Juno hosts."], plugins: ["./plugins/noisy/index.mjs"] }),
    );
    const child = spawnNode(project, [BIN, "mcp", "juno.json", "--data-dir", join(dataDir, "data")], {
      LOG_LEVEL: "debug",
      LOG_FORMAT: "json",
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
    // The logs and the plugin's prints were written, to standard error.
    expect(stderr).toMatch(/"level":(?:20|30)/);
    expect(stderr).toContain("noisy service started");
    expect(stderr).toContain("noisy provider");
    expect(stderr).toContain("noisy info");
  });
});
