/**
 * Memory: short-term (the message log of each room), working memory (one JSON
 * document of facts per user and room) and long-term memory (every message,
 * fact and knowledge chunk as SQLite rows plus an hnswlib-node index),
 * recalled by relevance, recency and importance.
 */
export { chunkText } from "./chunk-text.js";
export { createEmbedder, type Embedder, type EmbeddingsLike } from "./embedder.js";
export { evaluateRecall, type RecallDataset, type RecallReport, recallDatasetSchema } from "./eval/index.js";
export { hybridRelevance } from "./hybrid-relevance.js";
export { type IngestReport, ingestKnowledge } from "./ingest-knowledge.js";
export { keywordWords } from "./keyword-query.js";
export { LongTermMemory, type LongTermMemoryOptions, type RecallOptions } from "./long-term-memory.js";
export type { MemoryKind, MemoryRecord, NewMemory, RecalledMemory } from "./memory-record.js";
export { MessageLog, type NewMessage, type StoredMessage } from "./message-log.js";
export { DEFAULT_WEIGHTS, memoryScore, recencyScore, type ScoreWeights } from "./scoring.js";
export { turnMemoryText } from "./turn-memory-text.js";
export { VectorIndex } from "./vector-index.js";
export {
  type PastFact,
  WorkingMemory,
  type WorkingMemoryDocument,
  workingMemoryScope,
} from "./working-memory.js";
