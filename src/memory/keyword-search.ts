import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import { keywordWords } from "./keyword-query.js";

/** Below this many memories every query word is searched: the scan is cheap anyway. */
const GATED_FROM = 2_000;
/** A word found in more than this share of the memories says little and costs a long scan: it is left out. */
const MAX_SHARE = 0.05;
/** …and never in more than this many, so a query's cost stays bounded however large the memory grows. */
const MAX_DOCUMENTS = 200;
const MAX_TERMS = 6;
/** Only this many of a query's words are looked up (the first ones: questions put the point early). */
const MAX_LOOKUPS = 16;
const STEM_CACHE_SIZE = 20_000;

export interface KeywordHit {
  id: number;
  /** FTS5 bm25(): negative, lower is better. */
  rank: number;
}

interface TermStatements {
  clear: Statement;
  insert: Statement<[number, string]>;
  stems: Statement<[], { rowid: number; term: string }>;
  documents: Statement<[string], { doc: number }>;
}

/**
 * BM25 keyword search over an agent's memories (FTS5, porter stemming). In a
 * large memory, words that appear in more than 5% of it (or in more than 200
 * memories) are dropped from the query before the search: their weight in BM25 is near zero, but matching
 * them would rank a large part of the table.
 */
export class KeywordSearch {
  private readonly db: Store;
  private readonly terms: string;
  private readonly search: Statement<[string, string, string, number], KeywordHit>;
  private statements: TermStatements | undefined;
  /** word → its stem as the FTS tokenizer makes it. */
  private readonly stems = new Map<string, string>();
  /** stem → how many memories held it when the memory had `size` memories. */
  private readonly counts = new Map<string, { documents: number; size: number }>();

  /**
   * @param table the FTS5 table searched: `memories_fts` (conversation) or `knowledge_fts`
   * @param terms its fts5vocab table, for document counts
   */
  constructor(db: Store, table: "memories_fts" | "knowledge_fts", terms: "memories_terms" | "knowledge_terms") {
    this.db = db;
    this.terms = terms;
    this.search = db.prepare(
      `SELECT memories.id AS id, bm25(${table}) AS rank FROM ${table} JOIN memories ON memories.id = ${table}.rowid
       WHERE ${table} MATCH ? AND memories.agent = ? AND memories.kind IN (SELECT value FROM json_each(?))
       ORDER BY bm25(${table}) LIMIT ?`,
    );
  }

  /** The best matches of `query` among `agent`'s memories of `kinds` (of which there are `size`), best first. */
  find(query: string, agent: string, kinds: string[], size: number, limit: number): KeywordHit[] {
    let words = keywordWords(query);
    if (size >= GATED_FROM)
      words = this.informativeWords(words, size, Math.min(MAX_DOCUMENTS, Math.max(1, size * MAX_SHARE)));
    if (words.length === 0) return [];
    return this.search.all(words.map((word) => `"${word}"`).join(" OR "), agent, JSON.stringify(kinds), limit);
  }

  /** The words in at most `maxDocuments` memories, rarest first. */
  private informativeWords(words: string[], size: number, maxDocuments: number): string[] {
    const statements = this.prepareTermLookup();
    const candidates = words.slice(0, MAX_LOOKUPS);
    this.learnStems(candidates, statements);
    return candidates
      .map((word) => ({ word, documents: this.documentCount(this.stems.get(word) ?? word, size, statements) }))
      .filter((word) => word.documents > 0 && word.documents <= maxDocuments)
      .sort((a, b) => a.documents - b.documents)
      .slice(0, MAX_TERMS)
      .map((word) => word.word);
  }

  /**
   * How many memories hold `stem`. Counts are kept until the memory has grown
   * by a tenth since they were read: a word's share changes slowly, and each
   * lookup in the FTS vocabulary costs tens of microseconds on a large memory.
   */
  private documentCount(stem: string, size: number, statements: TermStatements): number {
    const cached = this.counts.get(stem);
    if (cached && size < cached.size * 1.1) return cached.documents;
    const documents = statements.documents.get(stem)?.doc ?? 0;
    if (this.counts.size >= STEM_CACHE_SIZE) this.counts.clear();
    this.counts.set(stem, { documents, size });
    return documents;
  }

  /** Runs unseen words through the same tokenizer as the memories, one row each, to learn their stems. */
  private learnStems(words: string[], statements: TermStatements): void {
    const unseen = words.filter((word) => !this.stems.has(word));
    if (unseen.length === 0) return;
    if (this.stems.size + unseen.length > STEM_CACHE_SIZE) this.stems.clear();
    this.db.transaction(() => {
      statements.clear.run();
      for (const [i, word] of unseen.entries()) statements.insert.run(i + 1, word);
    })();
    for (const { rowid, term } of statements.stems.all()) this.stems.set(unseen[rowid - 1] as string, term);
  }

  private prepareTermLookup(): TermStatements {
    if (!this.statements) {
      this.db.exec(`
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5 (text, tokenize = 'porter unicode61');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_instances USING fts5vocab (temp, query_words, 'instance');
      `);
      this.statements = {
        clear: this.db.prepare("DELETE FROM temp.query_words"),
        insert: this.db.prepare<[number, string]>("INSERT INTO temp.query_words (rowid, text) VALUES (?, ?)"),
        stems: this.db.prepare<[], { rowid: number; term: string }>(
          "SELECT doc AS rowid, term FROM temp.query_instances",
        ),
        documents: this.db.prepare<[string], { doc: number }>(`SELECT doc FROM ${this.terms} WHERE term = ?`),
      };
    }
    return this.statements;
  }
}
