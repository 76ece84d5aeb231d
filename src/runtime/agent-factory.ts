import { join } from "node:path";
import type { Logger } from "pino";
import type { AgentDelegation } from "../bus/index.js";
import type { Character } from "../character/index.js";
import { createEmbedder } from "../memory/index.js";
import { type CircuitBreakers, connectModels, type Models } from "../model/index.js";
import { loadPlugins, type Plugin } from "../plugins/index.js";
import type { Store } from "../store/index.js";
import { Agent } from "./agent.js";
import type { RateLimitSettings } from "./user-rate-limit.js";

/** What every agent of a troupe shares: where it reads variables and plugins, its store, breakers and limits. */
export interface AgentFactoryContext {
  env: Record<string, string | undefined>;
  cwd?: string;
  logger: Logger;
  /** One breaker per model server, shared by the agents that use it. */
  breakers: CircuitBreakers;
  rateLimit?: RateLimitSettings;
  /** Traces each agent keeps (`AgentOptions.traceLimit`). */
  traceLimit?: number;
  /** How often each agent saves its vector index (`AgentOptions.indexSaveMs`). */
  indexSaveMs?: number;
  /** Memories a recall compares one by one before a shelf gets an index (`AgentOptions.exactSearchUpTo`). */
  exactSearchUpTo?: number;
  /** How much lower the process's other threads run (`AgentOptions.backgroundNice`). */
  backgroundNice?: number;
}

/** A character's plugins and models, loaded and connected: what `buildAgent` needs besides the store. */
export interface PreparedAgent {
  character: Character;
  plugins: Plugin[];
  models: Models;
}

/**
 * Loads a character's plugins and connects its models (a refused key
 * throws, naming the character and the variable). Nothing is opened or
 * started, so a failure here leaves the troupe as it was.
 */
export async function prepareAgent(character: Character, context: AgentFactoryContext): Promise<PreparedAgent> {
  return (await prepareAgents([character], context))[0] as PreparedAgent;
}

/**
 * `prepareAgent` for several characters side by side: every character's
 * plugins first, then every model, so a troupe waits on imports once and
 * the first character's broken key is the one reported.
 */
export async function prepareAgents(characters: Character[], context: AgentFactoryContext): Promise<PreparedAgent[]> {
  const { env, cwd, logger, breakers } = context;
  const plugins = await Promise.all(
    characters.map(async (character) => (await loadPlugins(character, { env, cwd })).map((loaded) => loaded.plugin)),
  );
  const models = await Promise.all(characters.map((character) => connectModels(character, env, { breakers, logger })));
  return characters.map((character, index) => ({
    character,
    plugins: plugins[index] as Plugin[],
    models: models[index] as Models,
  }));
}

/** A new (not yet started) agent of a prepared character on the troupe's store and bus. */
export function buildAgent(
  prepared: PreparedAgent,
  context: AgentFactoryContext & { db: Store; dataDir: string; delegation: AgentDelegation },
): Agent {
  const { character, models, plugins } = prepared;
  return new Agent({
    character,
    db: context.db,
    chat: models.chat,
    abilities: models.abilities,
    guard: models.guard,
    fallback: models.fallback,
    usage: models.usage,
    modelDescription: models.description,
    rateLimit: context.rateLimit,
    traceLimit: context.traceLimit,
    embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
    logger: context.logger,
    indexDir: join(context.dataDir, "index"),
    indexSaveMs: context.indexSaveMs,
    exactSearchUpTo: context.exactSearchUpTo,
    backgroundNice: context.backgroundNice,
    plugins,
    delegation: context.delegation,
  });
}
