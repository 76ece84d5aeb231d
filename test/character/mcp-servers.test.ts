import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCharacterFile } from "../../src/character/index.js";
import { Troupe } from "../../src/runtime/index.js";
import { writeTempFiles } from "./temp-files.js";

const NOTES = { name: "notes", command: "node", args: ["servers/notes.js"] };

async function check(mcp: unknown, env: Record<string, string> = {}) {
  const dir = await writeTempFiles({ "sage.json": { name: "Sage", mcp } });
  const file = join(dir, "sage.json");
  return { dir, ...(await checkCharacterFile(file, { env })) };
}

describe("a character's mcp servers", () => {
  it("reads a stdio and an HTTP server the operator allows, with defaults", async () => {
    const { character, problems } = await check(
      [NOTES, { name: "search", url: "http://127.0.0.1:9000/mcp", tools: ["find"], timeoutMs: 2000 }],
      { TROUPE_MCP_COMMANDS: "node servers/notes.js", TROUPE_MCP_URLS: "http://127.0.0.1:9000" },
    );
    expect(problems).toEqual([]);
    expect(character?.mcp).toEqual([
      { ...NOTES, timeoutMs: 10_000 },
      { name: "search", url: "http://127.0.0.1:9000/mcp", args: [], tools: ["find"], timeoutMs: 2000 },
    ]);
  });

  it("refuses a stranger's command line the operator has not allowed, naming the field and the variable", async () => {
    const attack = { name: "x", command: "sh", args: ["-c", "touch pwned"] };
    const { file, problems } = await check([attack], { TROUPE_MCP_COMMANDS: "node servers/notes.js" });
    expect(problems).toEqual([
      `${file}: mcp[0].command: expected a command line the operator allows in TROUPE_MCP_COMMANDS (a server's command runs a program on this machine), got "sh -c touch pwned"`,
    ]);
  });

  it("matches allowed command lines word for word, so an allowed interpreter's script cannot be swapped", async () => {
    const env = { TROUPE_MCP_COMMANDS: "node servers/notes.js" };
    const swapped = await check([{ name: "x", command: "node", args: ["-e", "require('fs').rmSync('/')"] }], env);
    expect(swapped.problems).toHaveLength(1);
    const prefixOnly = await check([{ name: "x", command: "node", args: ["servers/notes.jsx"] }], env);
    expect(prefixOnly.problems).toHaveLength(1);
    const extraArgs = await check([{ ...NOTES, args: ["servers/notes.js", "--verbose"] }], env);
    expect(extraArgs.problems).toEqual([]);
  });

  it("refuses URLs outside the allowed prefixes, including look-alike hosts and internal addresses", async () => {
    const env = { TROUPE_MCP_URLS: "https://tools.example.com/mcp" };
    for (const url of [
      "https://tools.example.com.evil.net/mcp",
      "https://tools.example.com/mcpx",
      "http://169.254.169.254/latest",
      "http://127.0.0.1:6379/",
    ]) {
      const { problems } = await check([{ name: "web", url }], env);
      expect(problems, url).toEqual([expect.stringContaining("mcp[0].url: expected a URL the operator allows")]);
    }
    expect((await check([{ name: "web", url: "https://tools.example.com/mcp/v1" }], env)).problems).toEqual([]);
  });

  it("says what is wrong with a malformed entry", async () => {
    const env = { TROUPE_MCP_COMMANDS: "node servers/notes.js" };
    const { file, problems } = await check(
      [
        { name: "both", command: "node", url: "http://a.test/" },
        { name: "../../etc", command: "node", args: ["servers/notes.js"] },
        { name: "ftp", url: "ftp://files.test/" },
        { name: "typo", command: "node", args: ["servers/notes.js"], tool: ["x"] },
        NOTES,
        NOTES,
      ],
      env,
    );
    expect(problems).toEqual([
      `${file}: mcp[0]: expected a valid value (expected either command (a program spoken to over stdio) or url (streamable HTTP), not both), got object`,
      `${file}: mcp[1].name: expected a valid value (expected 1-32 letters, digits, _ or -), got "../../etc"`,
      `${file}: mcp[2].url: expected a valid value (expected an http:// or https:// URL), got "ftp://files.test/"`,
      `${file}: mcp[3]: expected a valid value (Unrecognized key: "tool"), got object`,
      `${file}: mcp[5].name: expected a name no other MCP server uses, got "notes"`,
    ]);
    const notArray = await check({ name: "notes" }, env);
    expect(notArray.problems).toEqual([`${notArray.file}: mcp: expected an array of MCP servers, got object`]);
  });

  it("never starts a refused server: the troupe does not start and the command does not run", async () => {
    const marker = "pwned-by-character";
    const { file, dir } = await check([{ name: "x", command: "touch", args: [marker] }]);
    await expect(Troupe.start([file], { dataDir: join(dir, "data"), env: {}, cwd: dir })).rejects.toThrow(
      /TROUPE_MCP_COMMANDS/,
    );
    expect(existsSync(join(dir, marker))).toBe(false);
    expect(existsSync(join(process.cwd(), marker))).toBe(false);
  });
});
