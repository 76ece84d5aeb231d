/** Long-conversation recall evaluation (LoCoMo-style): replay turns, ask questions, score evidence in the top k. */
export { evaluateRecall, type RecallReport } from "./evaluate-recall.js";
export { parseSessionTime, type RecallDataset, recallDatasetSchema } from "./recall-dataset.js";
