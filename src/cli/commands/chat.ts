import { dirname, resolve } from "node:path";
import { findCharacter, listCharacterFiles } from "../../character/index.js";
import { cleanIdentity, createTerminalConnector, MAX_NAME_LENGTH } from "../../connectors/index.js";
import { type Agent, createLogger, Troupe } from "../../runtime/index.js";
import type { Config } from "../read-config.js";

export interface ChatOptions {
  character: string;
  user?: string;
  dataDir?: string;
  /** `redis://…` to join a bus shared with other processes. */
  bus?: string;
  /** Also run the other characters of `characters/` so the agent can delegate to them. Default true. */
  helpers?: boolean;
}

/**
 * `troupe chat <character>`: talk to one agent in the terminal, through the
 * terminal connector. With a terminal it prompts; with piped input it reads
 * one message per line and writes exactly one line per reply
 * (`<Agent>: <reply>`), then exits at the end of input. Logs go to standard
 * error.
 */
export async function chatCommand(options: ChatOptions, config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
  const file = await findCharacter(options.character, "characters");
  const helpers = options.helpers === false ? [] : await helperFiles(file);
  // A broken colleague never keeps you from your chat: it is left out with a line naming it.
  const troupe = await Troupe.start([file], {
    optionalFiles: helpers,
    dataDir: options.dataDir ?? config.TROUPE_DATA_DIR,
    logger,
    bus: options.bus,
    backgroundNice: config.TROUPE_BACKGROUND_NICE,
  });
  try {
    const agent = troupe.agents[0] as Agent;
    // Without --user or a login name the agent still has someone to greet: "Hi guest!" reads as a name, "Hi you!" does not.
    const user = cleanIdentity(options.user ?? process.env.USER ?? "", MAX_NAME_LENGTH) || "guest";
    const terminal = createTerminalConnector({ agent: agent.name, user });
    await troupe.connect(terminal);
    await terminal.finished;
  } finally {
    await troupe.stop();
  }
}

/** The other characters of `characters/` when talking to one of them: the agent's colleagues on the bus. */
async function helperFiles(file: string): Promise<string[]> {
  if (resolve(dirname(file)) !== resolve("characters")) return [];
  const files = await listCharacterFiles(["characters"]);
  return files.filter((other) => resolve(other) !== resolve(file));
}
