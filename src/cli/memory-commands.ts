import { Argument, type Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "./cli-error.js";
import { evalMemoryCommand } from "./commands/eval-memory.js";
import { knowledgeAddCommand } from "./commands/knowledge-add.js";
import { parseAge } from "./commands/memory-age.js";
import { memoryForgetCommand } from "./commands/memory-forget.js";
import { memoryReembedCommand } from "./commands/memory-reembed.js";
import { formatRecalled, memorySearchCommand } from "./commands/memory-search.js";
import { memoryShowWorkingCommand } from "./commands/memory-show-working.js";
import { readConfig } from "./read-config.js";

interface MemoryOptions {
  user?: string;
  room?: string;
  olderThan?: number;
  k: number;
  dataDir?: string;
}

/** Registers `troupe eval memory`, `troupe memory <agent> …` and `troupe knowledge add`. */
export function addMemoryCommands(program: Command): void {
  const evaluate = program.command("eval").description("measure the troupe against benchmarks");
  evaluate
    .command("memory")
    .description("long-conversation recall: store every turn, ask every question, score evidence in the top k")
    .argument("<file>", "LoCoMo's locomo10.json, or the same data in Troupe's format (docs/memory-eval.md)")
    .option("-k, --k <k>", "how many memories to recall per question", parseCount, 10)
    .addOption(
      new Option("--baseline <method>", "measure a plain baseline instead of Troupe's recall").choices(["bm25"]),
    )
    .action(async (file: string, options: { k: number; baseline?: "bm25" }) => {
      console.log(JSON.stringify(await evalMemoryCommand(file, options)));
    });

  program
    .command("memory")
    .description("inspect and maintain an agent's memory without starting it")
    .argument("<agent>", "a character name (from characters/) or a file")
    .addArgument(
      new Argument("<command>", "search, show-working, forget or reembed").choices([
        "search",
        "show-working",
        "forget",
        "reembed",
      ]),
    )
    .argument("[args...]", "search: the query; forget: memory ids")
    .option("-u, --user <id>", "only this user's memories (search, show-working, forget)")
    .option("--room <id>", "only this room's memories (search, forget)")
    .option("--older-than <age>", "forget: conversation memories older than this, e.g. 90d, 12h, 2w", parseAge)
    .option("-k, --k <k>", "search: how many memories to show", parseCount, 10)
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .action(async (agent: string, command: string, args: string[], options: MemoryOptions) => {
      await runMemoryCommand(agent, command, args, options);
    });

  program
    .command("knowledge")
    .description("manage an agent's knowledge")
    .command("add")
    .description("ingest a file or folder (.md, .txt, .json, .pdf) into an agent's knowledge")
    .argument("<agent>", "a character name (from characters/) or a file")
    .argument("<path>", "a file or folder")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .action(async (agent: string, path: string, options: { dataDir?: string }) => {
      const report = await knowledgeAddCommand({ agent, path, dataDir: options.dataDir }, readConfig());
      console.log(
        `Added ${report.added} chunks (${report.unchanged} files unchanged, ${report.removed} chunks replaced).`,
      );
    });
}

async function runMemoryCommand(agent: string, command: string, args: string[], options: MemoryOptions): Promise<void> {
  const config = readConfig();
  const common = { agent, dataDir: options.dataDir };
  if (command === "search") {
    if (args.length === 0)
      throw new CliError("MEMORY_SEARCH_ARGS", 'search needs a query: troupe memory <agent> search "<query>"');
    const query = args.join(" ");
    const recalled = await memorySearchCommand(
      { ...common, query, k: options.k, user: options.user, room: options.room },
      config,
    );
    for (const memory of recalled) console.log(formatRecalled(memory));
  } else if (command === "show-working") {
    console.log(JSON.stringify(await memoryShowWorkingCommand({ ...common, user: options.user }, config), null, 2));
  } else if (command === "forget") {
    const ids = args.map(parseId);
    const forgotten = await memoryForgetCommand(
      { ...common, ids, user: options.user, room: options.room, olderThanMs: options.olderThan },
      config,
    );
    const parts = [count(forgotten.memories, "memory", "memories")];
    if (forgotten.documents > 0)
      parts.push(count(forgotten.documents, "working-memory document", "working-memory documents"));
    if (forgotten.messages > 0) parts.push(count(forgotten.messages, "message", "messages"));
    console.log(`Forgot ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}.`);
  } else {
    const reembedded = await memoryReembedCommand(common, config);
    console.log(
      reembedded.count === 0
        ? `Nothing to re-embed: every memory already uses ${reembedded.model}.`
        : `Re-embedded ${count(reembedded.count, "memory", "memories")}.`,
    );
  }
}

/** "1 memory", "3 memories". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function parseId(value: string): number {
  const id = Number(value.replace(/^#/, ""));
  if (!Number.isInteger(id) || id < 1) throw new CliError("MEMORY_ID", `not a memory id: ${value}`);
  return id;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new InvalidArgumentError("expected a whole number 1-1000");
  return count;
}
