/** The kinds of long-term memory. */
export type MemoryKind = "message" | "fact" | "summary" | "knowledge";

/** A memory to store. `room` and `userId` scope it; `source` names where knowledge came from. */
export interface NewMemory {
  kind: MemoryKind;
  text: string;
  room?: string;
  userId?: string;
  /** 0–1; how much this memory should count when recalled. Default 0.5. */
  importance?: number;
  sourceMessageId?: number;
  source?: string;
  /** Free-form JSON kept with the memory (e.g. the id of an imported turn). */
  metadata?: Record<string, unknown>;
  createdAt?: number;
}

/** A stored memory. */
export interface MemoryRecord {
  id: number;
  kind: MemoryKind;
  text: string;
  room: string | null;
  userId: string | null;
  importance: number;
  source: string | null;
  sourceMessageId: number | null;
  metadata: Record<string, unknown> | null;
  createdAt: number;
  accessedAt: number;
}

/**
 * What long-term memory keeps in memory of each stored memory, for ranking
 * and scoping (`MemoryCatalogue`): everything but its text, source and
 * metadata, which stay in SQLite and are read for the few memories a recall returns.
 */
export type MemoryEntry = Omit<MemoryRecord, "text" | "source" | "metadata">;

/** A recalled memory with the scores that ranked it. */
export interface RecalledMemory extends MemoryRecord {
  /** How well it matches the query, 0–1: vector similarity and keyword rank fused. */
  relevance: number;
  /** Relevance weighed with recency and importance; recall returns the highest first. */
  score: number;
}
