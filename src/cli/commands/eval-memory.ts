import { readFile } from "node:fs/promises";
import { createEmbedder, evaluateRecall, type RecallReport, recallDatasetSchema } from "../../memory/index.js";
import { OfflineEmbeddings } from "../../model/index.js";
import { CliError } from "../cli-error.js";

/**
 * `troupe eval memory <file> [--k 10]`: long-conversation recall with the
 * offline embeddings, reported as one JSON line.
 */
export async function evalMemoryCommand(file: string, options: { k: number }): Promise<RecallReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError("EVAL_UNREADABLE", `${file}: cannot read the dataset: ${(error as Error).message}`);
  }
  const dataset = recallDatasetSchema.safeParse(raw);
  if (!dataset.success) {
    const issue = dataset.error.issues[0];
    throw new CliError("EVAL_INVALID", `${file}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const embeddings = new OfflineEmbeddings();
  const embedder = createEmbedder(embeddings, { model: "troupe-offline-hash-v1", dimensions: embeddings.dimensions });
  return evaluateRecall(dataset.data, { k: options.k, embedder });
}
