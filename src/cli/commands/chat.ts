import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline";
import { findCharacter, listCharacterFiles } from "../../character/index.js";
import { cleanIdentity, cleanMessageText, type InboundMessage, MAX_NAME_LENGTH } from "../../connectors/index.js";
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
 * `troupe chat <character>`: talk to one agent in the terminal. With a
 * terminal it prompts; with piped input it reads one message per line and
 * writes exactly one line per reply (`<Agent>: <reply>`), then exits at the
 * end of input. Logs go to standard error.
 */
export async function chatCommand(options: ChatOptions, config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
  const file = await findCharacter(options.character, "characters");
  const helpers = options.helpers === false ? [] : await helperFiles(file);
  const troupe = await Troupe.start([file, ...helpers], {
    dataDir: options.dataDir ?? config.TROUPE_DATA_DIR,
    logger,
    bus: options.bus,
  });
  const agent = troupe.agents[0] as Agent;
  // Without --user or a login name the agent still has someone to greet: "Hi guest!" reads as a name, "Hi you!" does not.
  const userName = cleanIdentity(options.user ?? process.env.USER ?? "", MAX_NAME_LENGTH) || "guest";
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const lines = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  const room = terminalMessage(userName, "").room;
  // Reminders and other proactive messages for this terminal conversation print as lines of their own.
  const unsubscribe = troupe.onOutbound((outbound) => {
    if (outbound.platform !== "terminal" || outbound.room.id !== room.id) return;
    console.log(`${outbound.agent}: ${outbound.text.replace(/\s*\n\s*/g, " ")}`);
    if (interactive) lines.prompt(true);
  });

  if (interactive) {
    if (agent.character.greeting) console.log(`${agent.name}: ${agent.character.greeting}`);
    lines.setPrompt(`${userName}: `);
    lines.prompt();
  }
  for await (const line of lines) {
    const reply = await agent.handle(terminalMessage(userName, line));
    console.log(`${agent.name}: ${(reply?.text ?? "").replace(/\s*\n\s*/g, " ")}`);
    if (interactive) lines.prompt();
  }
  unsubscribe();
  await troupe.stop();
}

function terminalMessage(userName: string, text: string): InboundMessage {
  const id = `terminal:${userName.toLowerCase()}`;
  return {
    platform: "terminal",
    room: { id, kind: "direct" },
    user: { id, name: userName },
    text: cleanMessageText(text),
  };
}

/** The other characters of `characters/` when talking to one of them: the agent's colleagues on the bus. */
async function helperFiles(file: string): Promise<string[]> {
  if (resolve(dirname(file)) !== resolve("characters")) return [];
  const files = await listCharacterFiles(["characters"]);
  return files.filter((other) => resolve(other) !== resolve(file));
}
