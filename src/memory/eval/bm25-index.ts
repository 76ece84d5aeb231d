import { keywordTokens } from "../keyword-query.js";

const K1 = 1.2;
const B = 0.75;

/**
 * Okapi BM25 over a fixed list of documents (k1 1.2, b 0.75), the plain
 * keyword baseline that `troupe eval memory --baseline bm25` compares
 * Troupe's recall against. In memory; built once per conversation.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(
    private readonly ids: string[],
    texts: string[],
  ) {
    texts.forEach((text, doc) => {
      const tokens = keywordTokens(text);
      this.lengths.push(tokens.length);
      for (const token of tokens) {
        const counts = this.postings.get(token) ?? new Map<number, number>();
        counts.set(doc, (counts.get(doc) ?? 0) + 1);
        this.postings.set(token, counts);
      }
    });
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
  }

  /** The ids of the k best-scoring documents for `query`, best first. */
  search(query: string, k: number): string[] {
    const scores = new Map<number, number>();
    const total = this.lengths.length;
    for (const token of new Set(keywordTokens(query))) {
      const counts = this.postings.get(token);
      if (!counts) continue;
      const idf = Math.log(1 + (total - counts.size + 0.5) / (counts.size + 0.5));
      for (const [doc, frequency] of counts) {
        const norm = K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * frequency * (K1 + 1)) / (frequency + norm));
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([doc]) => this.ids[doc] as string);
  }
}
