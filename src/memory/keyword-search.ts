import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import { keywordWords } from "./keyword-query.js";

/** Below this many memories every query word is searched: the scan is cheap anyway. */
const GATED_FROM = 5_000;
/** A word found in more than this share of the memories says little and costs a long scan: it is left out. */
const MAX_SHARE = 0.02;
const MAX_TERMS = 12;

interface TermStatements {
  clear: Statement;
  insert: Statement<[number, string]>;
  terms: Statement<[], { term: string; doc: number }>;
  stems: Statement<[], { rowid: number; term: string }>;
}

export interface KeywordHit {
  id: number;
  /** FTS5 bm25(): negative, lower is better. */
  rank: number;
}

/**
 * BM25 keyword search over an agent's memories (FTS5, porter stemming). In a
 * large memory, words that appear in more than 2% of it are dropped
 * from the query before the search: their weight in BM25 is near zero, but
 * matching them would rank most of the table.
 */
export class KeywordSearch {
  private readonly db: Store;
  private readonly search: Statement<[string, string, number], KeywordHit>;
  private statements: TermStatements | undefined;

  constructor(db: Store) {
    this.db = db;
    this.search = db.prepare(
      `SELECT memories.id AS id, bm25(memories_fts) AS rank FROM memories_fts JOIN memories ON memories.id = memories_fts.rowid
       WHERE memories_fts MATCH ? AND memories.agent = ? ORDER BY bm25(memories_fts) LIMIT ?`,
    );
  }

  /** The best matches of `query` among `agent`'s memories (of which there are `size`), best first. */
  find(query: string, agent: string, size: number, limit: number): KeywordHit[] {
    let words = keywordWords(query);
    if (size >= GATED_FROM) words = this.informativeWords(words, size * MAX_SHARE);
    if (words.length === 0) return [];
    return this.search.all(words.map((word) => `"${word}"`).join(" OR "), agent, limit);
  }

  /** The words whose stems are in at most `maxDocuments` memories, rarest first. */
  private informativeWords(words: string[], maxDocuments: number): string[] {
    const statements = this.prepareTermLookup();
    // The query's words go through the same tokenizer as the memories, one row each, to learn their stems.
    this.db.transaction(() => {
      statements.clear.run();
      for (const [i, word] of words.entries()) statements.insert.run(i + 1, word);
    })();
    const counts = new Map(statements.terms.all().map((row) => [row.term, row.doc]));
    return statements.stems
      .all()
      .map(({ rowid, term }) => ({ word: words[rowid - 1] as string, documents: counts.get(term) ?? 0 }))
      .filter((word) => word.documents > 0 && word.documents <= maxDocuments)
      .sort((a, b) => a.documents - b.documents)
      .slice(0, MAX_TERMS)
      .map((word) => word.word);
  }

  private prepareTermLookup() {
    if (!this.statements) {
      this.db.exec(`
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5 (text, tokenize = 'porter unicode61');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_instances USING fts5vocab (temp, query_words, 'instance');
      `);
      this.statements = {
        clear: this.db.prepare("DELETE FROM temp.query_words"),
        insert: this.db.prepare<[number, string]>("INSERT INTO temp.query_words (rowid, text) VALUES (?, ?)"),
        terms: this.db.prepare<[], { term: string; doc: number }>(
          "SELECT term, doc FROM memories_terms WHERE term IN (SELECT term FROM temp.query_instances)",
        ),
        stems: this.db.prepare<[], { rowid: number; term: string }>(
          "SELECT doc AS rowid, term FROM temp.query_instances",
        ),
      };
    }
    return this.statements;
  }
}
