/**
 * Models: the chat and embedding models agents run on, as LangChain objects
 * (`BaseChatModel`, `Embeddings`). `createModels` picks them for a character;
 * the embedded `offline` provider needs no network and no key: a deterministic
 * ELIZA-style persona engine that also answers from the character's examples,
 * knowledge and the agent's memory and calls tools, plus hashed n-gram
 * embeddings. With a key or a base URL, `ChatOpenAI` and `OpenAIEmbeddings`
 * talk to OpenAI or any OpenAI-compatible server, every call guarded by
 * `ModelGuard` (timeout, retries with backoff honouring `Retry-After`, a
 * circuit breaker per server). The runtime writes the system prompt with
 * `renderPrompt`; the offline model reads the same sections back (see
 * `prompt-sections.ts`).
 */
export { CircuitBreaker, type CircuitBreakerOptions, CircuitBreakers } from "./circuit-breaker.js";
export { connectModels } from "./connect-models.js";
export { type CreateModelsOptions, createModels, createOfflineModels, type Models } from "./create-models.js";
export { EmbeddingDimensionsError } from "./embedding-dimensions-error.js";
export { extractFactsWithModel } from "./extract-facts-with-model.js";
export { type GenerateStructuredOptions, generateStructured } from "./generate-structured.js";
export { GuardedEmbeddings, type GuardedEmbeddingsOptions } from "./guarded-embeddings.js";
export { InvalidDimensionsError } from "./invalid-dimensions-error.js";
export { type ChatRunnable, type InvokeChatOptions, invokeChat } from "./invoke-chat.js";
export { isModelFailure } from "./is-model-failure.js";
export { MissingApiKeyError } from "./missing-api-key-error.js";
export { ModelAuthError } from "./model-auth-error.js";
export { type ModelConfig, type ModelProvider, resolveModelConfig } from "./model-config.js";
export { ModelConfigError } from "./model-config-error.js";
export { type GuardedCallOptions, ModelGuard, type ModelGuardOptions } from "./model-guard.js";
export { ModelRequestError } from "./model-request-error.js";
export { ModelTimeoutError } from "./model-timeout-error.js";
export { ModelUnavailableError } from "./model-unavailable-error.js";
export {
  OfflineChatModel,
  type OfflineChatModelCallOptions,
  type OfflineChatModelOptions,
} from "./offline-chat-model.js";
export { OfflineEmbeddings, type OfflineEmbeddingsOptions } from "./offline-embeddings.js";
export {
  FACT_KEY,
  type PromptSection,
  parseFacts,
  parsePrompt,
  renderPrompt,
  SECTION,
  type SectionTitle,
} from "./prompt-sections.js";
export { messageText } from "./read-conversation.js";
export { extractStatedFacts, type StatedFact } from "./stated-facts.js";
export { unavailableReply } from "./unavailable-reply.js";
export { type ModelUsage, type TokenCounts, UsageMeter } from "./usage-meter.js";
