import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../store/index.js";
import type { Embedder } from "../embedder.js";
import { LongTermMemory } from "../long-term-memory.js";
import { MEMORY_MIGRATIONS } from "../memory-migrations.js";
import { turnMemoryText } from "../turn-memory-text.js";
import { Bm25Index } from "./bm25-index.js";
import { parseSessionTime, type RecallDataset } from "./recall-dataset.js";

/** The figures `troupe eval memory` prints, as one JSON line. */
export interface RecallReport {
  k: number;
  method: RecallMethod;
  /** Share of evidence turns found in the top k, per category; `overall` leaves out `adversarial`. */
  frac: Record<string, number>;
  questions: number;
  ingest_ms: number;
  recall_p50_ms: number;
  recall_p99_ms: number;
}

const EXCLUDED_FROM_OVERALL = "adversarial";

/** Which recall to measure: Troupe's long-term memory, or plain BM25 over every turn as the baseline. */
export type RecallMethod = "troupe" | "bm25";

/** One conversation loaded into a recall method, ready for its questions. */
interface LoadedConversation {
  recall(question: string, k: number): Promise<string[]>;
  close(): void;
}

type Conversation = RecallDataset["conversations"][number];

/**
 * Replays each conversation into a fresh agent's long-term memory (the same
 * `add` the runtime uses, one memory per turn, its id in the metadata), or
 * into a BM25 index with `method: "bm25"`, then asks every question as a
 * recall query and scores how much of the evidence comes back in the top k.
 */
export async function evaluateRecall(
  dataset: RecallDataset,
  options: { k: number; embedder: Embedder; method?: RecallMethod },
): Promise<RecallReport> {
  const sums = new Map<string, { total: number; count: number }>();
  const latencies: number[] = [];
  let ingestMs = 0;
  for (const conversation of dataset.conversations) {
    const started = performance.now();
    const loaded =
      options.method === "bm25" ? loadIntoBm25(conversation) : await loadIntoMemory(conversation, options.embedder);
    ingestMs += performance.now() - started;
    try {
      for (const question of conversation.questions) {
        const asked = performance.now();
        const found = new Set(await loaded.recall(question.question, options.k));
        latencies.push(performance.now() - asked);
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
      loaded.close();
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
    method: options.method ?? "troupe",
    frac: { overall: frac.overall ?? 0, ...frac },
    questions: latencies.length,
    ingest_ms: Math.round(ingestMs),
    recall_p50_ms: at(0.5),
    recall_p99_ms: at(0.99),
  };
}

async function loadIntoMemory(conversation: Conversation, embedder: Embedder): Promise<LoadedConversation> {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-eval-"));
  const db = openStore({ dataDir, migrations: [MEMORY_MIGRATIONS] });
  const close = () => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const memory = new LongTermMemory({ db, agent: conversation.id, embedder });
    memory.open();
    let lastTime = 0;
    db.transaction(() => {
      for (const turn of conversation.turns) {
        const time = parseSessionTime(turn.time) ?? lastTime;
        lastTime = Math.max(lastTime, time);
        memory.add({
          kind: "message",
          text: turnMemoryText(turn.speaker, turnText(turn)),
          room: conversation.id,
          userId: turn.speaker,
          createdAt: time,
          metadata: { turn: turn.id },
        });
      }
    })();
    await memory.flush();
    return {
      recall: async (question, k) => {
        const recalled = await memory.recall(question, { k, room: conversation.id, now: lastTime });
        return recalled.map((item) => String(item.metadata?.turn));
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

function loadIntoBm25(conversation: Conversation): LoadedConversation {
  const index = new Bm25Index(
    conversation.turns.map((turn) => turn.id),
    conversation.turns.map((turn) => `${turn.speaker} ${turnText(turn)}`),
  );
  return { recall: async (question, k) => index.search(question, k), close: () => {} };
}

function turnText(turn: Conversation["turns"][number]): string {
  return turn.image_caption ? `${turn.text} [shares a photo: ${turn.image_caption}]` : turn.text;
}
