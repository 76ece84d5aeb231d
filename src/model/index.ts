/**
 * Models: reaching the chat and embedding models agents run on, as LangChain
 * objects (`BaseChatModel`, `Embeddings`). `createModels` picks them for a
 * character from its settings and the environment: the offline provider
 * (`src/offline/`) when no key and no base URL are set, else `ChatOpenAI` and
 * `OpenAIEmbeddings` talking to OpenAI or any OpenAI-compatible server, every
 * call guarded by `ModelGuard` (timeout, retries with backoff honouring
 * `Retry-After`, a circuit breaker per server) and metered by `UsageMeter`.
 * `Models.abilities` says what the chat model can do, so the runtime never
 * asks for its class. The runtime writes the system prompt with
 * `renderPrompt`; any model, the offline one included, reads the same
 * sections (see `prompt-sections.ts`).
 */
export { CircuitBreaker, type CircuitBreakerOptions, CircuitBreakers } from "./circuit-breaker.js";
export { connectModels } from "./connect-models.js";
export {
  type CreateModelsOptions,
  createModels,
  LANGUAGE_MODEL_ABILITIES,
  type ModelAbilities,
  type Models,
} from "./create-models.js";
export { EmbeddingDimensionsError } from "./embedding-dimensions-error.js";
export { type GenerateStructuredOptions, generateStructured } from "./generate-structured.js";
export { GuardedEmbeddings, type GuardedEmbeddingsOptions } from "./guarded-embeddings.js";
export { type ChatRunnable, type InvokeChatOptions, invokeChat } from "./invoke-chat.js";
export { isModelFailure } from "./is-model-failure.js";
export { LruCache } from "./lru-cache.js";
export { messageText } from "./message-text.js";
export { MissingApiKeyError } from "./missing-api-key-error.js";
export { ModelAuthError } from "./model-auth-error.js";
export { type ModelConfig, type ModelProvider, resolveModelConfig } from "./model-config.js";
export { ModelConfigError } from "./model-config-error.js";
export { type GuardedCallOptions, ModelGuard, type ModelGuardOptions } from "./model-guard.js";
export { ModelRequestError } from "./model-request-error.js";
export { ModelTimeoutError } from "./model-timeout-error.js";
export { ModelUnavailableError } from "./model-unavailable-error.js";
export {
  type PromptSection,
  parseFacts,
  parsePrompt,
  renderPrompt,
  renderSections,
  SECTION,
  type SectionTitle,
} from "./prompt-sections.js";
export { backoffDelay, type RetrySchedule } from "./retry-delay.js";
export { type ModelUsage, type TokenCounts, UsageMeter } from "./usage-meter.js";
