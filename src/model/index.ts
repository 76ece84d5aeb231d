/**
 * Models: the chat and embedding models agents run on, as LangChain objects
 * (`BaseChatModel`, `Embeddings`). `createModels` picks them for a character;
 * the embedded `offline` provider needs no network and no key: a deterministic
 * ELIZA-style persona engine that also answers from the character's examples,
 * knowledge and the agent's memory and calls tools, plus hashed n-gram
 * embeddings. The runtime writes the system prompt with `renderPrompt`; the
 * offline model reads the same sections back (see `prompt-sections.ts`).
 */
export { cosineSimilarity } from "./cosine-similarity.js";
export { createModels, type Models } from "./create-models.js";
export { InvalidDimensionsError } from "./invalid-dimensions-error.js";
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
export { extractStatedFacts, type StatedFact } from "./stated-facts.js";
