import { join } from "node:path";
import type { Logger } from "pino";
import { type Character, CharacterFileError, loadCharacter } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import { createEmbedder } from "../memory/index.js";
import { createModels } from "../model/index.js";
import { openStore, type Store } from "../store/index.js";
import { Agent, type AgentReply } from "./agent.js";
import { createLogger } from "./create-logger.js";
import { DuplicateAgentError } from "./duplicate-agent-error.js";

export interface TroupeOptions {
  /** Folder for `troupe.db` and the index files. */
  dataDir: string;
  logger?: Logger;
  /** Where `${VAR}` in character files and model keys are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Many agents sharing one store: loads the characters, starts an agent for
 * each, routes messages to them by name and stops them cleanly.
 */
export class Troupe {
  readonly agents: Agent[];
  readonly logger: Logger;
  private readonly db: Store;

  private constructor(agents: Agent[], db: Store, logger: Logger) {
    this.agents = agents;
    this.db = db;
    this.logger = logger;
  }

  /**
   * Loads and validates every character file first, so an invalid one stops
   * start-up before anything else is opened, then opens the store and starts
   * one agent per character. Throws `CharacterFileError` naming every problem.
   */
  static async start(files: string[], options: TroupeOptions): Promise<Troupe> {
    const logger = options.logger ?? createLogger();
    const env = options.env ?? process.env;
    const characters = await loadAll(files, env, logger);
    const db = openStore({ dataDir: options.dataDir });
    try {
      const agents = characters.map((character) => {
        const models = createModels(character, env);
        return new Agent({
          character,
          db,
          chat: models.chat,
          embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
          logger,
          indexDir: join(options.dataDir, "index"),
        });
      });
      for (const agent of agents) await agent.start();
      return new Troupe(agents, db, logger);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The agent whose character name matches, ignoring case. */
  agent(name: string): Agent | undefined {
    const wanted = name.toLowerCase();
    return this.agents.find((agent) => agent.name.toLowerCase() === wanted);
  }

  /** Hands a message to the named agent. */
  async send(agentName: string, message: InboundMessage): Promise<AgentReply | undefined> {
    const agent = this.agent(agentName);
    if (!agent) throw new Error(`No agent named ${agentName}.`);
    return agent.handle(message);
  }

  /** Finishes queued messages, saves every index and closes the store. */
  async stop(): Promise<void> {
    await Promise.all(this.agents.map((agent) => agent.stop()));
    this.db.close();
  }
}

async function loadAll(files: string[], env: Record<string, string | undefined>, logger: Logger): Promise<Character[]> {
  const problems: string[] = [];
  const characters: Character[] = [];
  for (const file of files) {
    try {
      const loaded = await loadCharacter(file, { env });
      for (const warning of loaded.warnings) logger.warn(warning);
      characters.push(loaded.character);
    } catch (error) {
      if (!(error instanceof CharacterFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new CharacterFileError({ file: files.join(", "), problems });
  const seen = new Map<string, string>();
  for (const character of characters) {
    const key = character.name.toLowerCase();
    const other = seen.get(key);
    if (other) throw new DuplicateAgentError({ name: character.name, files: [other, character.source.file] });
    seen.set(key, character.source.file);
  }
  return characters;
}
