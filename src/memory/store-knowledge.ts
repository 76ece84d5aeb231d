import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { chunkText } from "./chunk-text.js";
import { KNOWLEDGE_EXTENSIONS, type KnowledgeDocument } from "./knowledge-document.js";
import type { LongTermMemory } from "./long-term-memory.js";

/** Stores a document as knowledge memories, one a chunk, under `source`; returns how many it stored. */
export function storeKnowledge(memory: LongTermMemory, document: KnowledgeDocument, source: string): number {
  const chunks = chunkText(document.text);
  for (const chunk of chunks) memory.add({ kind: "knowledge", text: chunk, source, importance: 0.6 });
  return chunks.length;
}

/** The knowledge files anywhere under `folder`, in name order so ingestion is repeatable. */
export async function listKnowledgeFiles(folder: string): Promise<string[]> {
  const files = await readdir(folder, { recursive: true });
  return files
    .filter((file) => KNOWLEDGE_EXTENSIONS.has(extname(file).toLowerCase()))
    .sort()
    .map((file) => join(folder, file));
}
