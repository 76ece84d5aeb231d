/**
 * A small MCP server for tests, spoken to over stdio with the official SDK:
 * `read_note` reads one of three fixed notes by title, `save_note` pretends
 * to save one (for allowlist tests), `slow_echo` answers after the seconds
 * it is given (for timeouts). Run it as
 * `node --import tsx test/fakes/mcp-notes-server.ts` with `--pid-file <file>` to have it write its process id (so a test can
 * kill it) and `--down-file <file>`: while that file exists the server exits
 * at once, as a broken server would, so a test controls when it comes back.
 */
import { existsSync, writeFileSync } from "node:fs";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

export const NOTES: Record<string, string> = {
  groceries: "eggs, flour and a lemon",
  garden: "water the tomatoes on Thursday",
  books: "return Middlemarch to the library",
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const downFile = option("--down-file");
if (downFile && existsSync(downFile)) process.exit(1);
const pidFile = option("--pid-file");
if (pidFile) writeFileSync(pidFile, String(process.pid));

const server = new McpServer({ name: "notes", version: "1.0.0" });
server.registerTool(
  "read_note",
  {
    description:
      'Read one of the saved notes by its title.\nExamples: "read my note called groceries"; "what does my garden note say"',
    inputSchema: { title: z.string().describe("the note's title") },
  },
  async ({ title }) => {
    const note = NOTES[title.trim().toLowerCase()];
    if (!note) return { content: [{ type: "text", text: `No note called ${title}.` }], isError: true };
    return { content: [{ type: "text", text: `The ${title} note says: ${note}` }] };
  },
);
server.registerTool(
  "save_note",
  { description: "Save a note under a title.", inputSchema: { title: z.string(), text: z.string() } },
  async ({ title }) => ({ content: [{ type: "text", text: `Saved ${title}.` }] }),
);
server.registerTool(
  "slow_echo",
  { description: "Repeat some text after waiting.", inputSchema: { text: z.string(), seconds: z.number() } },
  async ({ text, seconds }) => {
    await new Promise((done) => setTimeout(done, seconds * 1000));
    return { content: [{ type: "text", text }] };
  },
);
await server.connect(new StdioServerTransport());
