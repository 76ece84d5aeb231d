import { readFile } from "node:fs/promises";
import { createEmbedder, evaluateRecall, type RecallReport, readRecallDataset } from "../../memory/index.js";
import { OfflineEmbeddings } from "../../offline/index.js";
import { CliError } from "../cli-error.js";

/**
 * `troupe eval memory <file> [--k 10] [--baseline bm25]`: long-conversation
 * recall with the offline embeddings (or the plain BM25 baseline), reported
 * as one JSON line. Reads LoCoMo's published file or Troupe's simple format.
 */
export async function evalMemoryCommand(
  file: string,
  options: { k: number; baseline?: "bm25" },
): Promise<RecallReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError("EVAL_UNREADABLE", `${file}: cannot read the dataset: ${(error as Error).message}`);
  }
  const read = readRecallDataset(raw);
  if ("error" in read) throw new CliError("EVAL_INVALID", `${file}: ${read.error}`);
  const embeddings = new OfflineEmbeddings();
  const embedder = createEmbedder(embeddings, { model: "troupe-offline-hash-v1", dimensions: embeddings.dimensions });
  return evaluateRecall(read.dataset, { k: options.k, embedder, method: options.baseline ?? "troupe" });
}
