import type { Embeddings } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { Character } from "../character/character.js";
import { CircuitBreakers } from "./circuit-breaker.js";
import { type ModelProvider, resolveModelConfig } from "./model-config.js";
import type { ModelGuard } from "./model-guard.js";
import type { RetrySchedule } from "./retry-delay.js";
import type { UsageMeter } from "./usage-meter.js";

/**
 * What an agent's chat model can do, declared by whoever creates it, so the
 * runtime asks this instead of the model's class.
 */
export interface ModelAbilities {
  /**
   * Writes a room's running summary in its own words. False for the offline
   * model, which only rearranges what it is given: its rooms keep the
   * extractive summary.
   */
  summarise: boolean;
}

/** The abilities of a chat model that writes text of its own (any real model). */
export const LANGUAGE_MODEL_ABILITIES: ModelAbilities = { summarise: true };

/** The chat and embedding models an agent runs on. */
export interface Models {
  chat: BaseChatModel;
  /** What `chat` can do; the runtime asks this, never the model's class. */
  abilities: ModelAbilities;
  /** `embedSync` is present when embedding is local and synchronous (the offline provider). */
  embeddings: Embeddings & { embedSync?(text: string): Float32Array };
  provider: ModelProvider;
  /** The chat model's name (`offline` for the offline model). */
  chatModel: string;
  /** Names the embedding model; vectors of different models are never mixed in one index. */
  embeddingModel: string;
  dimensions: number;
  /** Runs remote chat calls with timeout, retries and the server's circuit breaker; absent for the offline model. */
  guard?: ModelGuard;
  /** The model to answer with while the provider is down, when the character asks for `fallback: "offline"`. */
  fallback?: BaseChatModel;
  /** Token usage and latency of the agent's chat and embedding calls. */
  usage: { chat: UsageMeter; embeddings: UsageMeter };
  /** One line for start-up, e.g. `gpt-4o-mini at http://127.0.0.1:11434/v1, offline embeddings`. */
  description: string;
}

/** Options of `createModels`. */
export interface CreateModelsOptions {
  /** Circuit breakers shared by the agents of one troupe (one per server). Default: a fresh set. */
  breakers?: CircuitBreakers;
  /** Where retries are logged. */
  logger?: Logger;
  /** Backoff schedule of retries. Default: 500 ms doubling, at most 20 s. */
  schedule?: RetrySchedule;
  /** Embedding dimension the server reported (see `connectModels`), used when none is configured. */
  probedDimensions?: number;
}

/**
 * Creates the chat and embedding models for `character` from its `model`
 * settings and the environment (see `resolveModelConfig`): the offline pair
 * (deterministic, no network, no key) when no key and no base URL are set,
 * else `ChatOpenAI` and `OpenAIEmbeddings` (or the offline embeddings when
 * no embedding model is named for an OpenAI-compatible server), guarded by
 * timeouts, retries and a circuit breaker. Throws `MissingApiKeyError` or
 * `ModelConfigError` naming what to set.
 */
export async function createModels(
  character: Character,
  env: Record<string, string | undefined> = process.env,
  options: CreateModelsOptions = {},
): Promise<Models> {
  const config = resolveModelConfig(character, env);
  // Imported when used: the offline provider builds on memory, which builds on this folder.
  const { createOfflineModels } = await import("../offline/index.js");
  if (config.provider === "offline") return createOfflineModels(character);
  // Loaded on demand: the OpenAI client is large, and offline troupes should not pay for it at start.
  const { createRemoteModels } = await import("./create-remote-models.js");
  return createRemoteModels(character, config, {
    ...options,
    breakers: options.breakers ?? new CircuitBreakers(),
    // Offline embeddings serve as the index's embeddings only when no remote embedding model is named.
    offline: () =>
      createOfflineModels(character, config.embeddingModel === "offline" ? config.embeddingDimensions : 384),
  });
}
