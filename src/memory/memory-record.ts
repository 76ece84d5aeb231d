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
  createdAt: number;
  accessedAt: number;
}

/** A recalled memory with the scores that ranked it. */
export interface RecalledMemory extends MemoryRecord {
  relevance: number;
  score: number;
}
