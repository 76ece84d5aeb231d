import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmbedder, evaluateRecall, readRecallDataset, recallDatasetSchema } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";

const FILE = "test/fixtures/memory-eval/tiny.json";
const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline", dimensions: 384 });

describe("evaluateRecall", () => {
  it("finds the evidence turn of plain questions in the top 3 and reports every category", async () => {
    const dataset = recallDatasetSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
    const report = await evaluateRecall(dataset, { k: 3, embedder });
    expect(report.questions).toBe(4);
    expect(report.frac["single-hop"]).toBe(1);
    expect(report.frac.temporal).toBe(1);
    expect(Object.keys(report.frac)).toEqual(
      expect.arrayContaining(["overall", "single-hop", "temporal", "adversarial"]),
    );
  });

  it("scores a question whose evidence is out of reach as zero, not as a hit", async () => {
    const dataset = recallDatasetSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
    const conversation = dataset.conversations[0];
    if (!conversation) throw new Error("fixture has no conversation");
    conversation.questions = [
      { id: "x", question: "What kind of dog did Ben adopt?", evidence: ["D9:9"], category: "single-hop" },
    ];
    const report = await evaluateRecall(dataset, { k: 3, embedder });
    expect(report.frac.overall).toBe(0);
  });
});

describe("recall datasets in LoCoMo's published layout", () => {
  const simple = recallDatasetSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
  const read = readRecallDataset(JSON.parse(readFileSync("test/fixtures/memory-eval/tiny-locomo.json", "utf8")));

  it("reads sessions, dialogue ids, times and numbered categories into the simple format", () => {
    if ("error" in read) throw new Error(read.error);
    const [conversation] = read.dataset.conversations;
    const [expected] = simple.conversations;
    expect(conversation?.turns.map(({ id, time, speaker, text }) => ({ id, time, speaker, text }))).toEqual(
      expected?.turns.map(({ id, time, speaker, text }) => ({ id, time, speaker, text })),
    );
    expect(
      conversation?.questions.map(({ question, evidence, category }) => ({ question, evidence, category })),
    ).toEqual(expected?.questions.map(({ question, evidence, category }) => ({ question, evidence, category })));
  });

  it("names the sample field that is wrong", () => {
    expect(readRecallDataset([{ sample_id: "s1", conversation: {}, qa: [{ question: 1 }] }])).toEqual({
      error: expect.stringMatching(/^0\.qa\.0\.question: /),
    });
  });
});

describe("the BM25 baseline", () => {
  it("ranks the turn sharing the question's rare words first, and matches words only as written", async () => {
    const report = await evaluateRecall(simple(), { k: 1, embedder, method: "bm25" });
    expect(report.method).toBe("bm25");
    // "half marathon" and "pottery" occur in one turn each: found. "What kind of dog did Ben adopt?" shares only
    // "Ben" with its evidence ("adopted a greyhound": no stemming), so the shortest turn naming Ben wins: missed.
    expect(report.frac["single-hop"]).toBe(0.5);
    expect(report.frac.temporal).toBe(1);
  });
});

function simple() {
  return recallDatasetSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
}
