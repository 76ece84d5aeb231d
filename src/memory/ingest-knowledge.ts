import { resolve } from "node:path";
import type { KnowledgeItem } from "../character/index.js";
import {
  collectKnowledgeFiles,
  DEFAULT_KNOWLEDGE_LIMITS,
  type KnowledgeLimits,
  type KnowledgeTarget,
  type KnowledgeWalkEvents,
} from "./collect-knowledge-files.js";
import {
  ADDED_KNOWLEDGE,
  type KnowledgeDocument,
  knowledgeSource,
  readKnowledgeDocument,
} from "./knowledge-document.js";
import type { LongTermMemory } from "./long-term-memory.js";
import { storeKnowledge } from "./store-knowledge.js";

export interface IngestReport {
  added: number;
  removed: number;
  unchanged: number;
}

/**
 * Stores a character's knowledge as long-term memories. Each document is
 * keyed by its content hash, so unchanged documents are skipped, changed ones
 * replaced and deleted ones removed (knowledge added with `addKnowledge`
 * stays). Paths are relative to `baseDir` (the character loader has checked
 * where they lead); folders are read within `options.limits`, telling
 * `options.events` what was skipped and how far the walk got.
 */
export async function ingestKnowledge(
  memory: LongTermMemory,
  items: KnowledgeItem[],
  baseDir: string,
  options: { limits?: KnowledgeLimits; events?: KnowledgeWalkEvents } = {},
): Promise<IngestReport> {
  const documents = await readDocuments(items, baseDir, options.limits ?? DEFAULT_KNOWLEDGE_LIMITS, options.events);
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

async function readDocuments(
  items: KnowledgeItem[],
  baseDir: string,
  limits: KnowledgeLimits,
  events: KnowledgeWalkEvents | undefined,
): Promise<KnowledgeDocument[]> {
  const documents: KnowledgeDocument[] = [];
  const inline = items.flatMap((item) => (item.kind === "text" ? [item.text] : []));
  if (inline.length > 0) documents.push({ name: "inline", text: inline.join("\n\n") });
  const targets = items.flatMap((item): KnowledgeTarget[] => {
    if (item.kind === "path") return [{ kind: "file", path: resolve(baseDir, item.path) }];
    if (item.kind === "directory") return [{ kind: "folder", path: resolve(baseDir, item.directory) }];
    return [];
  });
  for (const file of await collectKnowledgeFiles(targets, limits, events)) {
    documents.push(await readKnowledgeDocument(file));
  }
  return documents;
}
