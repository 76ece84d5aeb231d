import { ChatOpenAI, ChatOpenAICompletions, OpenAIEmbeddings } from "@langchain/openai";
import type { Logger } from "pino";
import type { Character } from "../character/character.js";
import type { CircuitBreakers } from "./circuit-breaker.js";
import { LANGUAGE_MODEL_ABILITIES, type Models } from "./create-models.js";
import { GuardedEmbeddings } from "./guarded-embeddings.js";
import { MissingApiKeyError } from "./missing-api-key-error.js";
import { type ModelConfig, OPENAI_BASE_URL } from "./model-config.js";
import { ModelConfigError } from "./model-config-error.js";
import { ModelGuard } from "./model-guard.js";
import type { RetrySchedule } from "./retry-delay.js";
import { UsageMeter } from "./usage-meter.js";

/** Servers such as Ollama ignore the key, but the OpenAI client refuses to start without one. */
const PLACEHOLDER_KEY = "not-needed";

/** Native dimensions of well-known embedding models, so no probe is needed for them. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
  "nomic-embed-text": 768,
  "mxbai-embed-large": 1024,
  "all-minilm": 384,
};

interface RemoteOptions {
  breakers: CircuitBreakers;
  logger?: Logger;
  schedule?: RetrySchedule;
  probedDimensions?: number;
  /** The offline pair, for offline embeddings and the offline fallback. */
  offline: () => Models;
}

/** The OpenAI client settings for `config`: explicit base URL and key, so `process.env` is never read behind our back. */
export function clientSettings(character: Character, config: ModelConfig) {
  if (config.provider === "openai" && !config.apiKey) throw new MissingApiKeyError({ character: character.name });
  return { baseURL: config.baseUrl ?? OPENAI_BASE_URL, apiKey: config.apiKey ?? PLACEHOLDER_KEY };
}

/** Chat and embeddings on OpenAI or an OpenAI-compatible server (see `createModels`). */
export function createRemoteModels(character: Character, config: ModelConfig, options: RemoteOptions): Models {
  const { baseURL, apiKey } = clientSettings(character, config);
  const guard = new ModelGuard({
    character: character.name,
    server: baseURL,
    keySource: config.apiKeySource,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    breaker: options.breakers.for(baseURL),
    schedule: options.schedule,
    onRetry: (retry) =>
      options.logger?.warn({ agent: character.name, server: baseURL, ...retry }, "model call failed, retrying"),
  });
  // Retries and timeouts are the guard's job: the client makes one attempt per call.
  const fields = {
    model: config.chatModel,
    apiKey,
    temperature: config.temperature,
    maxTokens: config.maxTokens,
    timeout: config.timeoutMs,
    maxRetries: 0,
    configuration: { baseURL },
  };
  // OpenAI-compatible servers speak Chat Completions; ChatOpenAI may switch to the Responses API for some models.
  const chat = config.provider === "openai" ? new ChatOpenAI(fields) : new ChatOpenAICompletions(fields);
  const offline = options.offline();
  const usage = { chat: new UsageMeter(), embeddings: new UsageMeter() };
  const where = config.provider === "openai" && !config.baseUrl ? "on OpenAI" : `at ${baseURL}`;
  const models: Models = {
    chat,
    abilities: LANGUAGE_MODEL_ABILITIES,
    embeddings: offline.embeddings,
    provider: config.provider,
    chatModel: config.chatModel,
    embeddingModel: offline.embeddingModel,
    dimensions: offline.dimensions,
    guard,
    fallback: config.fallback === "offline" ? offline.chat : undefined,
    usage,
    description: `${config.chatModel} ${where}, offline embeddings`,
  };
  if (config.embeddingModel === "offline") return models;

  const dimensions = embeddingDimensions(character, config, options.probedDimensions);
  const nativeDimensions = config.embeddingModel.startsWith("text-embedding-3") && config.embeddingDimensions;
  const remote = new OpenAIEmbeddings({
    model: config.embeddingModel,
    apiKey,
    timeout: config.timeoutMs,
    maxRetries: 0,
    batchSize: 64,
    ...(nativeDimensions ? { dimensions: nativeDimensions } : {}),
    configuration: { baseURL },
  });
  const embeddings = new GuardedEmbeddings({
    embeddings: remote,
    guard,
    character: character.name,
    model: config.embeddingModel,
    dimensions,
    meter: usage.embeddings,
  });
  return {
    ...models,
    embeddings,
    embeddingModel: config.embeddingModel,
    dimensions,
    description: `${config.chatModel} ${where}, embeddings ${config.embeddingModel} (${dimensions} dimensions)`,
  };
}

function embeddingDimensions(character: Character, config: ModelConfig, probed: number | undefined): number {
  const dimensions = config.embeddingDimensions ?? probed ?? KNOWN_DIMENSIONS[config.embeddingModel];
  if (dimensions !== undefined) return dimensions;
  throw new ModelConfigError({
    character: character.name,
    variable: "TROUPE_EMBEDDING_DIMENSIONS",
    problem: `the length of ${config.embeddingModel} vectors is unknown and the server could not be asked; set it (e.g. 768)`,
  });
}
