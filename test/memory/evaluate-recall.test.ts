import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmbedder, evaluateRecall, recallDatasetSchema } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/model/index.js";

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
