/**
 * Memory: short-term (the message log of each room, its window and running
 * summary), working memory (one JSON document per scope: a user's profile
 * across rooms, a room's summary and goals) and long-term memory (every message,
 * fact and knowledge chunk as SQLite rows plus an hnswlib-node index),
 * recalled by relevance, recency and importance. Working memory owns what a
 * user tells about themselves for every model: the stated-fact patterns, the
 * character's extra profile fields, and, with a real model, facts read through
 * structured output, all under the same keys (`FACT_KEY`).
 */
export { addKnowledge, addKnowledgeDocument } from "./add-knowledge.js";
export { AmbiguousUserError } from "./ambiguous-user-error.js";
export { chunkText } from "./chunk-text.js";
export {
  collectKnowledgeFiles,
  DEFAULT_KNOWLEDGE_LIMITS,
  type KnowledgeLimits,
  type KnowledgeTarget,
  type KnowledgeWalkEvents,
} from "./collect-knowledge-files.js";
export { copyIndexFiles, type IndexRecord, pinIndexRecords } from "./copy-index-files.js";
export { DerivedWatermark } from "./derived-watermark.js";
export { createEmbedder, type Embedder, type EmbeddingsLike } from "./embedder.js";
export { type EmbeddingCensus, EmbeddingModelChangedError } from "./embedding-model-changed-error.js";
export {
  evaluateRecall,
  type RecallDataset,
  type RecallMethod,
  type RecallReport,
  readRecallDataset,
  recallDatasetSchema,
} from "./eval/index.js";
export { extractFactsWithModel } from "./extract-facts-with-model.js";
export { FACT_KEY } from "./fact-key.js";
export { forgetUserRecords } from "./forget-user.js";
export { hybridRelevance } from "./hybrid-relevance.js";
export { type IngestReport, ingestKnowledge } from "./ingest-knowledge.js";
export { keywordWords } from "./keyword-query.js";
export { KNOWLEDGE_EXTENSIONS, type KnowledgeDocument, readKnowledgeDocument } from "./knowledge-document.js";
export { listWorkingMemory, type ScopedWorkingMemory } from "./list-working-memory.js";
export { LongTermMemory, type LongTermMemoryOptions } from "./long-term-memory.js";
export type { ForgetSelection } from "./memory-maintenance.js";
export { MEMORY_MIGRATIONS } from "./memory-migrations.js";
export type { MemoryKind, MemoryRecord, NewMemory, RecalledMemory } from "./memory-record.js";
export { type FactOrigin, factOrigin, isVisibleIn, roomScope, userScope } from "./memory-scopes.js";
export { type Addressed, MessageLog, type NewMessage, type StoredMessage } from "./message-log.js";
export { type ModelSummaryOptions, summariseWithModel } from "./model-summary.js";
export { updateGoals } from "./open-goals.js";
export { OwedAnswers, type OwedMessage } from "./owed-answers.js";
export { createProfileExtractor } from "./profile-fields.js";
export { createProgressBar, type ProgressBar, type ProgressFactory, terminalProgress } from "./progress-bar.js";
export type { RecallOptions } from "./recall-scope.js";
export { resolveUserId } from "./resolve-user-id.js";
export { RoomMemory, type RoomMemoryOptions, type SummaryWriter } from "./room-memory.js";
export {
  DEFAULT_SUMMARY_LIMITS,
  foldIntoSummary,
  type RoomSummary,
  type SummaryLimits,
  type SummarySentence,
  type SummaryTurn,
} from "./running-summary.js";
export { DEFAULT_WEIGHTS, memoryScore, recencyScore, type ScoreWeights } from "./scoring.js";
export { searchMemories } from "./search-memories.js";
export { shortTermWindow, type WindowSettings } from "./short-term-window.js";
export { extractStatedFacts, type StatedFact } from "./stated-facts.js";
export { turnMemoryText } from "./turn-memory-text.js";
export { UnsupportedKnowledgeError } from "./unsupported-knowledge-error.js";
export { correctUserFacts, readUserWorkingMemory, type UserWorkingMemory } from "./user-working-memory.js";
export { VectorIndex } from "./vector-index.js";
export { type PastFact, WorkingMemory, type WorkingMemoryDocument } from "./working-memory.js";
