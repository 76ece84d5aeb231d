import { contentStems } from "../text/index.js";
import type { OfflineEmbeddings } from "./offline-embeddings.js";

/** A text with what the rules compare it by: its embedding and its content-word stems. */
export interface AnalysedText {
  text: string;
  vector: Float32Array;
  stems: Set<string>;
}

/** Embeds and stems `text`. */
export function analyseText(text: string, embeddings: OfflineEmbeddings): AnalysedText {
  return { text, vector: embeddings.embedSync(text), stems: new Set(contentStems(text)) };
}

/** How many content stems two texts share. */
export function sharedStems(a: AnalysedText, b: AnalysedText): number {
  let shared = 0;
  for (const stem of a.stems) if (b.stems.has(stem)) shared++;
  return shared;
}
