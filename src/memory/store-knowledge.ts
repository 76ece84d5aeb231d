import { chunkText } from "./chunk-text.js";
import type { KnowledgeDocument } from "./knowledge-document.js";
import type { LongTermMemory } from "./long-term-memory.js";

/** Stores a document as knowledge memories, one a chunk, under `source`; returns how many it stored. */
export function storeKnowledge(memory: LongTermMemory, document: KnowledgeDocument, source: string): number {
  const chunks = chunkText(document.text);
  for (const chunk of chunks) memory.add({ kind: "knowledge", text: chunk, source, importance: 0.6 });
  return chunks.length;
}
