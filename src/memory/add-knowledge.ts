import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { collectKnowledgeFiles, type KnowledgeWalkEvents } from "./collect-knowledge-files.js";
import type { IngestReport } from "./ingest-knowledge.js";
import {
  ADDED_KNOWLEDGE,
  KNOWLEDGE_EXTENSIONS,
  type KnowledgeDocument,
  knowledgeSource,
  readKnowledgeDocument,
} from "./knowledge-document.js";
import type { LongTermMemory } from "./long-term-memory.js";
import type { ProgressFactory } from "./progress-bar.js";
import { storeKnowledge } from "./store-knowledge.js";
import { UnsupportedKnowledgeError } from "./unsupported-knowledge-error.js";

/**
 * Adds a file, or every knowledge file under a folder, to an agent's
 * knowledge, chunked and keyed by content hash like `ingestKnowledge`: an
 * unchanged file is skipped (running it twice adds nothing), a changed one
 * replaces its old chunks. Added knowledge survives the character's own
 * re-ingestion at start. A folder is walked within the default knowledge
 * limits (`options.events` hears what was skipped). Call `save` afterwards to
 * persist the index.
 */
export async function addKnowledge(
  memory: LongTermMemory,
  path: string,
  options: { progress?: ProgressFactory; events?: KnowledgeWalkEvents } = {},
): Promise<IngestReport> {
  const files = await knowledgeFiles(resolve(path), options.events);
  const existing = memory.sources("knowledge");
  const report: IngestReport = { added: 0, removed: 0, unchanged: 0 };
  const bar = options.progress?.("Adding knowledge", files.length);
  for (const [done, file] of files.entries()) {
    const added = storeAddedDocument(memory, await readKnowledgeDocument(file), existing);
    report.added += added.added;
    report.removed += added.removed;
    report.unchanged += added.unchanged;
    bar?.update(done + 1);
  }
  await memory.flush();
  bar?.finish();
  return report;
}

/**
 * Adds one document to an agent's knowledge the way `addKnowledge` adds a
 * file: skipped when unchanged, replacing the chunks of an earlier version
 * of the same name. Call `flush` (and `save`) afterwards.
 */
export function addKnowledgeDocument(memory: LongTermMemory, document: KnowledgeDocument): IngestReport {
  return storeAddedDocument(memory, document, memory.sources("knowledge"));
}

function storeAddedDocument(
  memory: LongTermMemory,
  document: KnowledgeDocument,
  existing: ReturnType<LongTermMemory["sources"]>,
): IngestReport {
  const source = knowledgeSource(document, ADDED_KNOWLEDGE);
  if (existing.has(source)) return { added: 0, removed: 0, unchanged: 1 };
  const previous = `${ADDED_KNOWLEDGE}${document.name}#`;
  let removed = 0;
  for (const [old, ids] of existing) {
    if (!old.startsWith(previous)) continue;
    memory.forget(ids);
    removed += ids.length;
  }
  return { added: storeKnowledge(memory, document, source), removed, unchanged: 0 };
}

async function knowledgeFiles(path: string, events: KnowledgeWalkEvents | undefined): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) {
    if (KNOWLEDGE_EXTENSIONS.has(extname(path).toLowerCase())) {
      return collectKnowledgeFiles([{ kind: "file", path }], undefined, events);
    }
    throw new UnsupportedKnowledgeError({ file: path, supported: [...KNOWLEDGE_EXTENSIONS] });
  }
  return collectKnowledgeFiles([{ kind: "folder", path }], undefined, events);
}
