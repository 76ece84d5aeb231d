/**
 * The offline provider: a deterministic chat model and hashed n-gram
 * embeddings behind LangChain's `BaseChatModel` and `Embeddings`, for demos,
 * tests and use without a key. The chat model is an ELIZA-style persona
 * engine that answers from the character's examples, knowledge and the
 * agent's memory as the prompt hands them over, and calls bound tools; it is
 * not a language model (see README.md).
 */
export { createOfflineModels, OFFLINE_ABILITIES } from "./create-offline-models.js";
export { InvalidDimensionsError } from "./invalid-dimensions-error.js";
export {
  OfflineChatModel,
  type OfflineChatModelCallOptions,
  type OfflineChatModelOptions,
} from "./offline-chat-model.js";
export { OfflineEmbeddings, type OfflineEmbeddingsOptions } from "./offline-embeddings.js";
export { unavailableReply } from "./unavailable-reply.js";
