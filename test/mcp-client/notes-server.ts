import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { McpServerConfig } from "../../src/character/index.js";

const SERVER = resolve(import.meta.dirname, "../fakes/mcp-notes-server.ts");

/** The fake notes server as a character's `mcp` entry, with files to find its process and to keep it down. */
export function notesServer(overrides: Partial<McpServerConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "troupe-mcp-notes-"));
  const pidFile = join(dir, "pid");
  const downFile = join(dir, "down");
  const config: McpServerConfig = {
    name: "notes",
    command: process.execPath,
    args: ["--import", "tsx", SERVER, "--pid-file", pidFile, "--down-file", downFile],
    timeoutMs: 10_000,
    ...overrides,
  };
  return {
    config,
    downFile,
    pid: () => Number(readFileSync(pidFile, "utf8")),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Resolves once `check` is true, polling every 20 ms; rejects after `ms`. */
export async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("the condition did not come true in time");
    await new Promise((done) => setTimeout(done, 20));
  }
}
