/** Long-conversation recall evaluation (LoCoMo-style): replay turns, ask questions, score evidence in the top k. */
export { evaluateRecall, type RecallMethod, type RecallReport } from "./evaluate-recall.js";
export { readRecallDataset } from "./read-recall-dataset.js";
export { parseSessionTime, type RecallDataset, recallDatasetSchema } from "./recall-dataset.js";
