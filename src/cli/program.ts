import { Command, CommanderError, InvalidArgumentError } from "commander";
import { addMemoryCommands } from "./memory-commands.js";
import { readConfig } from "./read-config.js";

const OFFLINE_HELP = "run every character on the offline model, whatever its file or the environment names";

interface StartFlags {
  port?: number;
  host?: string;
  dataDir?: string;
  bus?: string;
  offline?: boolean;
}

interface ChatFlags {
  user?: string;
  dataDir?: string;
  bus?: string;
  helpers: boolean;
  offline?: boolean;
}

/**
 * The `troupe` command. Unknown commands and bad flags print usage and exit
 * 2; invalid input (a bad character file) exits 1 with the problems. Each
 * command's module loads only when that command runs, so `start` does not
 * pay for `plugins add` and `chat` does not load the HTTP server.
 */
export function createProgram(): Command {
  const program = new Command("troupe")
    .description("Eliza-style character agents for chat platforms")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("start")
    .description("start every character in characters/ (or the given files and folders) and the HTTP API")
    .argument("[paths...]", "character files or folders")
    .option("-p, --port <port>", "HTTP port (default: TROUPE_PORT or 3000)", parsePort)
    .option("--host <host>", "HTTP host (default: TROUPE_HOST or 127.0.0.1)")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .option(
      "--bus <url>",
      "share the bus with other processes: redis://host:6379 (default: REDIS_URL, else in-process)",
    )
    .option("--offline", OFFLINE_HELP)
    .action(async (paths: string[], options: StartFlags) => {
      if (options.offline) process.env.TROUPE_OFFLINE = "1";
      const { startCommand } = await import("./commands/start.js");
      await startCommand({ paths, ...options }, readConfig());
    });

  program
    .command("chat")
    .description("talk to one character in the terminal")
    .argument("<character>", "a character name (from characters/) or a file")
    .option("-u, --user <name>", "your name in the conversation (default: $USER)")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .option("--bus <url>", "join a bus shared with other processes: redis://host:6379")
    .option("--no-helpers", "do not run the other characters of characters/ for delegation")
    .option("--offline", OFFLINE_HELP)
    .action(async (character: string, options: ChatFlags) => {
      if (options.offline) process.env.TROUPE_OFFLINE = "1";
      const { chatCommand } = await import("./commands/chat.js");
      await chatCommand({ character, ...options }, readConfig());
    });

  program
    .command("mcp")
    .description("serve the troupe to an MCP client (Claude Desktop, an IDE) on standard input and output")
    .argument("[paths...]", "character files or folders (default: characters/)")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .option("--bus <url>", "share the bus with other processes: redis://host:6379")
    .option("--workflows <dir>", "folder of the workflows the run_workflow tool may run", "workflows")
    .option("--offline", OFFLINE_HELP)
    .action(
      async (paths: string[], options: { dataDir?: string; bus?: string; workflows?: string; offline?: boolean }) => {
        if (options.offline) process.env.TROUPE_OFFLINE = "1";
        const { mcpCommand } = await import("./commands/mcp.js");
        await mcpCommand({ paths, ...options }, readConfig());
      },
    );

  program
    .command("validate")
    .description("check character files and print every problem")
    .argument("<paths...>", "character files or folders")
    .action(async (paths: string[]) => {
      const { validateFiles } = await import("./commands/validate.js");
      const result = await validateFiles(paths);
      for (const line of result.lines) console.log(line);
      process.exitCode = result.exitCode;
    });

  program
    .command("workflow")
    .description("run JSON workflows: steps delegated to the troupe's agents over the bus")
    .command("run")
    .description("run a workflow file, showing each step; resumes an unfinished run of the same input")
    .argument("<file>", "workflow JSON file (see workflows/)")
    .option("-i, --input <json>", "the run's input as a JSON object", "{}")
    .option("-c, --characters <paths...>", "characters to run here (default: characters/)")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .option("--bus <url>", "share the bus with other processes: redis://host:6379")
    .action(
      async (file: string, options: { input?: string; characters?: string[]; dataDir?: string; bus?: string }) => {
        const { workflowRunCommand } = await import("./commands/workflow.js");
        await workflowRunCommand({ file, ...options }, readConfig());
      },
    );

  program
    .command("backup")
    .description("copy the data folder (troupe.db and the index files) to a new folder, while the troupe runs")
    .argument("<folder>", "a new or empty folder for the backup")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .action(async (folder: string, options: { dataDir?: string }) => {
      const { backupCommand } = await import("./commands/backup.js");
      const dataDir = options.dataDir ?? readConfig().TROUPE_DATA_DIR;
      const report = await backupCommand({ folder, dataDir });
      const megabytes = (report.databaseBytes / 1_048_576).toFixed(1);
      console.log(
        `Backed up ${dataDir} to ${report.folder}: troupe.db (${megabytes} MB) and ${report.indexFiles} index files.`,
      );
    });

  program
    .command("restore")
    .description("put a backup made by troupe backup back as the data folder (stop the troupe first)")
    .argument("<folder>", "the backup folder")
    .option("-d, --data-dir <dir>", "data folder (default: TROUPE_DATA_DIR or ./data)")
    .option("--force", "replace a data folder that holds a database (its files are moved aside, not deleted)")
    .action((folder: string, options: { dataDir?: string; force?: boolean }) => restore(folder, options));

  program
    .command("new")
    .description("write a commented starter character to characters/<name>.json")
    .argument("<name>", "the character's name")
    .option("--dir <dir>", "folder to write to", "characters")
    .action(async (name: string, options: { dir: string }) => {
      const { writeStarterCharacter } = await import("./commands/new-character.js");
      const file = await writeStarterCharacter(name, options.dir);
      console.log(`Wrote ${file}. Talk to it with: npx troupe chat ${JSON.stringify(name)}`);
    });

  const plugins = program.command("plugins").description("list, scaffold and install plugins");
  plugins
    .command("list")
    .description("show the plugins each character loads and the actions they add")
    .argument("[paths...]", "character files or folders (default: characters)")
    .action(async (paths: string[]) => {
      const { listPlugins } = await import("./commands/plugins-list.js");
      const result = await listPlugins(paths);
      for (const line of result.lines) console.log(line);
      process.exitCode = result.exitCode;
    });
  plugins
    .command("new")
    .description("scaffold a plugin folder with an action, a README and a test")
    .argument("<name>", "the plugin's name")
    .option("--dir <dir>", "folder to write to", "plugins")
    .action(async (name: string, options: { dir: string }) => {
      const { writeNewPlugin } = await import("./commands/plugins-new.js");
      const folder = await writeNewPlugin(name, options.dir);
      console.log(`Wrote ${folder}. Test it with: npx vitest run ${folder}`);
    });
  plugins
    .command("add")
    .description("install a plugin package with npm and add it to a character")
    .argument("<package>", "a package name, tarball or folder, as npm install takes it")
    .requiredOption("-c, --character <character>", "the character to add it to (a name from characters/ or a file)")
    .action(async (spec: string, options: { character: string }) => {
      const { addPlugin } = await import("./commands/plugins-add.js");
      const added = await addPlugin({ spec, character: options.character });
      console.log(`Added ${added.name} to ${added.file}.`);
    });

  addMemoryCommands(program);
  return program;
}

async function restore(folder: string, options: { dataDir?: string; force?: boolean }): Promise<void> {
  const { restoreCommand } = await import("./commands/restore.js");
  const dataDir = options.dataDir ?? readConfig().TROUPE_DATA_DIR;
  const { setAside } = restoreCommand({ folder, dataDir, force: options.force });
  if (setAside) console.log(`Moved the data it replaced to ${setAside}.`);
  console.log(`Restored ${folder} into ${dataDir}. Start the troupe as usual.`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("expected a port number 0-65535");
  return port;
}

/** Runs the program; returns the exit code for usage errors, or undefined to let the process decide. */
export async function runProgram(argv: string[]): Promise<number | undefined> {
  try {
    await createProgram().parseAsync(argv);
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
