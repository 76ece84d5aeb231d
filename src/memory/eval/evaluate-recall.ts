import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../store/index.js";
import type { Embedder } from "../embedder.js";
import { LongTermMemory } from "../long-term-memory.js";
import { turnMemoryText } from "../turn-memory-text.js";
import { parseSessionTime, type RecallDataset } from "./recall-dataset.js";

/** The figures `troupe eval memory` prints, as one JSON line. */
export interface RecallReport {
  k: number;
  /** Share of evidence turns found in the top k, per category; `overall` leaves out `adversarial`. */
  frac: Record<string, number>;
  questions: number;
  ingest_ms: number;
  recall_p50_ms: number;
  recall_p99_ms: number;
}

const EXCLUDED_FROM_OVERALL = "adversarial";

/**
 * Replays each conversation into a fresh agent's long-term memory (the same
 * `add` the runtime uses, one memory per turn, its id in the metadata), then
 * asks every question as a recall query and scores how much of the evidence
 * comes back in the top k.
 */
export async function evaluateRecall(
  dataset: RecallDataset,
  options: { k: number; embedder: Embedder },
): Promise<RecallReport> {
  const sums = new Map<string, { total: number; count: number }>();
  const latencies: number[] = [];
  let ingestMs = 0;
  for (const conversation of dataset.conversations) {
    const dataDir = mkdtempSync(join(tmpdir(), "troupe-eval-"));
    const db = openStore({ dataDir });
    try {
      const memory = new LongTermMemory({ db, agent: conversation.id, embedder: options.embedder });
      memory.open();
      const started = performance.now();
      let lastTime = 0;
      db.transaction(() => {
        for (const turn of conversation.turns) {
          const time = parseSessionTime(turn.time) ?? lastTime;
          lastTime = Math.max(lastTime, time);
          const caption = turn.image_caption ? ` [shares a photo: ${turn.image_caption}]` : "";
          memory.add({
            kind: "message",
            text: turnMemoryText(turn.speaker, `${turn.text}${caption}`),
            room: conversation.id,
            userId: turn.speaker,
            createdAt: time,
            metadata: { turn: turn.id },
          });
        }
      })();
      await memory.flush();
      ingestMs += performance.now() - started;

      for (const question of conversation.questions) {
        const asked = performance.now();
        const recalled = await memory.recall(question.question, { k: options.k, room: conversation.id, now: lastTime });
        latencies.push(performance.now() - asked);
        const found = new Set(recalled.map((item) => item.metadata?.turn));
        const hits = question.evidence.filter((turn) => found.has(turn)).length;
        const share = question.evidence.length > 0 ? hits / question.evidence.length : 0;
        for (const key of [question.category, ...(question.category === EXCLUDED_FROM_OVERALL ? [] : ["overall"])]) {
          const sum = sums.get(key) ?? { total: 0, count: 0 };
          sum.total += share;
          sum.count += 1;
          sums.set(key, sum);
        }
      }
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const frac = Object.fromEntries(
    [...sums].map(([key, { total, count }]) => [key, Math.round((total / count) * 1000) / 1000] as const),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 1000) / 1000;
  return {
    k: options.k,
    frac: { overall: frac.overall ?? 0, ...frac },
    questions: latencies.length,
    ingest_ms: Math.round(ingestMs),
    recall_p50_ms: at(0.5),
    recall_p99_ms: at(0.99),
  };
}
