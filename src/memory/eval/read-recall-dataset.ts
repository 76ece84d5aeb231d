import { fromLocomo, locomoFileSchema } from "./locomo-file.js";
import { type RecallDataset, recallDatasetSchema } from "./recall-dataset.js";

/**
 * Reads a recall benchmark in either layout: the simple format (an object
 * with `conversations`) or LoCoMo's published file (an array of samples).
 * Returns the dataset, or the first problem as `path: message`.
 */
export function readRecallDataset(value: unknown): { dataset: RecallDataset } | { error: string } {
  if (Array.isArray(value)) {
    const locomo = locomoFileSchema.safeParse(value);
    if (!locomo.success) return { error: firstIssue(locomo.error.issues) };
    try {
      return { dataset: fromLocomo(locomo.data) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  const dataset = recallDatasetSchema.safeParse(value);
  return dataset.success ? { dataset: dataset.data } : { error: firstIssue(dataset.error.issues) };
}

function firstIssue(issues: { path: PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  return `${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "not a recall dataset"}`;
}
