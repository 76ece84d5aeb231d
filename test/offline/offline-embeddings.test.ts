import { describe, expect, it } from "vitest";
import { InvalidDimensionsError, OfflineEmbeddings } from "../../src/offline/index.js";
import { cosineSimilarity } from "../../src/text/index.js";

function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += (vector[index] as number) ** 2;
  return Math.sqrt(sum);
}

describe("OfflineEmbeddings", () => {
  const embeddings = new OfflineEmbeddings();

  it("gives the same vector for the same text, every time and across instances", () => {
    const text = "The quick brown fox jumps over the lazy dog";
    expect(Array.from(embeddings.embedSync(text))).toEqual(Array.from(new OfflineEmbeddings().embedSync(text)));
  });

  it("has 384 dimensions by default and honours the dimensions option", async () => {
    expect(embeddings.embedSync("hello")).toHaveLength(384);
    expect(await new OfflineEmbeddings({ dimensions: 64 }).embedQuery("hello")).toHaveLength(64);
  });

  it("refuses a dimension that is not a sensible whole number", () => {
    expect(() => new OfflineEmbeddings({ dimensions: 0 })).toThrow(InvalidDimensionsError);
    expect(() => new OfflineEmbeddings({ dimensions: 12.5 })).toThrow(/whole number/);
  });

  it("returns unit-length vectors, even for empty or symbol-only text", () => {
    for (const text of ["I adopted a cat", "", "!!! ???", "🙂", "مرحبا بالعالم", "x".repeat(100_000)]) {
      expect(norm(embeddings.embedSync(text))).toBeCloseTo(1, 5);
    }
  });

  it("scores related texts above unrelated ones", () => {
    const cat = embeddings.embedSync("I adopted a cat last spring");
    const kitten = embeddings.embedSync("we got a new cat, a tiny kitten");
    const stocks = embeddings.embedSync("the stock market fell sharply today");
    expect(cosineSimilarity(cat, kitten)).toBeGreaterThan(cosineSimilarity(cat, stocks) + 0.2);
  });

  it("recognises a paraphrase of a question over an unrelated question", () => {
    const question = embeddings.embedSync("how do I bake bread at home");
    const paraphrase = embeddings.embedSync("what's a good way of baking homemade bread");
    const unrelated = embeddings.embedSync("how do I renew my passport");
    expect(cosineSimilarity(question, paraphrase)).toBeGreaterThan(cosineSimilarity(question, unrelated));
  });

  it("tolerates inflections and typos through stems and character n-grams", () => {
    const running = embeddings.embedSync("running shoes");
    expect(cosineSimilarity(running, embeddings.embedSync("run shoe"))).toBeGreaterThan(0.5);
    const typo = cosineSimilarity(embeddings.embedSync("chamomile tea"), embeddings.embedSync("chamomille tea"));
    const other = cosineSimilarity(embeddings.embedSync("chamomile tea"), embeddings.embedSync("peppermint tea"));
    expect(typo).toBeGreaterThan(other);
  });

  it("embeds documents and queries consistently with embedSync", async () => {
    const [document] = await embeddings.embedDocuments(["tea and biscuits"]);
    const query = await embeddings.embedQuery("tea and biscuits");
    expect(document).toEqual(query);
    expect(cosineSimilarity(query, embeddings.embedSync("tea and biscuits"))).toBeCloseTo(1, 5);
  });
});
