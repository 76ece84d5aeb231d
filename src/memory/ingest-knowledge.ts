import { resolve } from "node:path";
import type { KnowledgeItem } from "../character/index.js";
import {
  ADDED_KNOWLEDGE,
  type KnowledgeDocument,
  knowledgeSource,
  readKnowledgeDocument,
} from "./knowledge-document.js";
import type { LongTermMemory } from "./long-term-memory.js";
import { listKnowledgeFiles, storeKnowledge } from "./store-knowledge.js";

export interface IngestReport {
  added: number;
  removed: number;
  unchanged: number;
}

/**
 * Stores a character's knowledge as long-term memories. Each document is
 * keyed by its content hash, so unchanged documents are skipped, changed ones
 * replaced and deleted ones removed (knowledge added with `addKnowledge`
 * stays). Paths are relative to `baseDir`.
 */
export async function ingestKnowledge(
  memory: LongTermMemory,
  items: KnowledgeItem[],
  baseDir: string,
): Promise<IngestReport> {
  const documents = await readDocuments(items, baseDir);
  const existing = memory.sources("knowledge");
  const report: IngestReport = { added: 0, removed: 0, unchanged: 0 };
  const wanted = new Set<string>();
  for (const document of documents) {
    const source = knowledgeSource(document);
    wanted.add(source);
    if (existing.has(source)) {
      report.unchanged++;
      continue;
    }
    report.added += storeKnowledge(memory, document, source);
  }
  for (const [source, ids] of existing) {
    if (wanted.has(source) || source.startsWith(ADDED_KNOWLEDGE)) continue;
    memory.forget(ids);
    report.removed += ids.length;
  }
  await memory.flush();
  return report;
}

async function readDocuments(items: KnowledgeItem[], baseDir: string): Promise<KnowledgeDocument[]> {
  const documents: KnowledgeDocument[] = [];
  const inline = items.flatMap((item) => (item.kind === "text" ? [item.text] : []));
  if (inline.length > 0) documents.push({ name: "inline", text: inline.join("\n\n") });
  for (const item of items) {
    if (item.kind === "path") documents.push(await readKnowledgeDocument(resolve(baseDir, item.path)));
    if (item.kind === "directory") {
      for (const file of await listKnowledgeFiles(resolve(baseDir, item.directory))) {
        documents.push(await readKnowledgeDocument(file));
      }
    }
  }
  return documents;
}
