import { join } from "node:path";
import { type Character, findCharacter, loadCharacter } from "../../character/index.js";
import { createEmbedder, type Embedder, LongTermMemory } from "../../memory/index.js";
import { connectModels } from "../../model/index.js";
import { createLogger, openTroupeStore } from "../../runtime/index.js";
import type { Store } from "../../store/index.js";
import type { Config } from "../read-config.js";

/** One agent's stores, opened for inspection or maintenance without starting the agent. */
export interface OpenedAgentMemory {
  character: Character;
  db: Store;
  memory: LongTermMemory;
  /** The embedding model the agent uses now. */
  embedder: Embedder;
  indexDir: string;
}

/**
 * Opens the long-term memory of a character (a name from `characters/` or a
 * file) in the data folder, with the embedder the agent would use; no
 * connectors, plugins or HTTP API start. `LongTermMemory.open` is left to the
 * caller (`reembed` must run before it).
 */
export async function openAgentMemory(
  name: string,
  dataDir: string | undefined,
  config: Config,
): Promise<OpenedAgentMemory> {
  const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
  const file = await findCharacter(name, "characters");
  const { character } = await loadCharacter(file, { env: process.env });
  const models = await connectModels(character, process.env, { logger });
  const folder = dataDir ?? config.TROUPE_DATA_DIR;
  const indexDir = join(folder, "index");
  const db = openTroupeStore({ dataDir: folder });
  const embedder = createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions });
  const memory = new LongTermMemory({
    db,
    agent: character.name,
    embedder,
    indexDir,
  });
  return { character, db, memory, embedder, indexDir };
}

/** Runs `work` on an agent's opened memory and closes the store afterwards, whatever happens. */
export async function withAgentMemory<T>(
  name: string,
  dataDir: string | undefined,
  config: Config,
  work: (opened: OpenedAgentMemory) => Promise<T>,
): Promise<T> {
  const opened = await openAgentMemory(name, dataDir, config);
  try {
    return await work(opened);
  } finally {
    opened.db.close();
  }
}
