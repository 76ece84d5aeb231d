import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import { keywordWords } from "./keyword-query.js";
import { PostingList } from "./posting-list.js";
import { TopScores } from "./top-scores.js";

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
/** Words the tokenizer keeps as they are (porter stems only letters): no need to ask SQLite for their stems. */
const ASCII_DIGITS = /^[0-9]+$/;
/** What the occurrence lists kept in memory may take, all stems together. */
const MAX_CACHED_BYTES = 5_000_000;
/** One occurrence in a list (see `PostingList`). */
const OCCURRENCE_BYTES = 5;
/**
 * One list itself, however short: its object, two typed arrays with their buffers, and its map entry (heap
 * snapshots). Most lists are short (a name or a number said once), so they are what fills the budget.
 */
const LIST_BYTES = 450;
/** New memories waiting to join the cached lists; past this many, dropping the lists is cheaper. */
const MAX_FRESH = 5_000;
/** BM25's term-frequency saturation and length normalisation, as in FTS5's bm25(). */
const K1 = 1.2;
const B = 0.75;
/** FTS5 gives a word found in most documents this weight instead of a negative one. */
const MIN_IDF = 1e-6;
/**
 * A stem not counted yet is read whole when it occurs at most this many
 * times per memory it may be searched in: its length is its count, and the
 * search reads it next anyway. A longer list is counted without being read.
 */
const READ_AHEAD = 4;

export interface KeywordHit {
  id: number;
  /** BM25 score: higher is better. */
  score: number;
}

interface TermStatements {
  clear: Statement;
  insert: Statement<[number, string]>;
  stems: Statement<[], { rowid: number; term: string }>;
  documents: Statement<[string], { doc: number }>;
  /** One row (the memory id) per occurrence of a stem. */
  occurrences: Statement<[string], number>;
  /** `occurrences`, at most the given number of them. */
  firstOccurrences: Statement<[string, number], number>;
}

/**
 * BM25 keyword search over one shelf of an agent's memories. FTS5 (porter
 * stemming) finds where each query word occurs; the BM25 sum is computed
 * here, from lengths kept in memory, because FTS5's bm25() reads every
 * match's length from disk and costs several times the lookup itself. In a
 * large memory, words found in more FTS rows than 5% of the agent's memories
 * (or than 200) are dropped from the query before the search: their weight in
 * BM25 is near zero, but matching them would score a large part of the table.
 *
 * A stem's occurrences, once read from FTS5, stay in memory and new memories
 * are added to them (stemmed by the same FTS5 tokenizer), so a word that comes
 * up again in conversation costs no second scan.
 */
export class KeywordSearch {
  private readonly db: Store;
  private readonly table: string;
  private readonly terms: string;
  private statements: TermStatements | undefined;
  /** memory id → its length in words, for every memory searched (this agent's, this shelf's). */
  private readonly lengths = new Map<number, number>();
  private totalLength = 0;
  /** lower-cased word → how many of those memories hold it: a floor for its stem's count, known without FTS. */
  private readonly wordDocuments = new Map<string, number>();
  /** digits → how many of those memories hold a word of those digits and a letter ("1990s"), which may stem to the digits. */
  private readonly numbersWithALetter = new Map<string, number>();
  /** word → its stem as the FTS tokenizer makes it. */
  private readonly stems = new Map<string, string>();
  /** stem → how many memories held it when the memory had `size` memories. */
  private readonly counts = new Map<string, { documents: number; size: number }>();
  /** stem → its occurrences, for the stems searched so far. */
  private readonly postings = new Map<string, PostingList>();
  private cachedBytes = 0;
  /** The best matches of the search running now (each runs to completion). */
  private readonly top = new TopScores();
  /** Memories added since the last search, with their words, still to join the cached occurrence lists. */
  private fresh: { id: number; words: string[] }[] = [];

  /**
   * @param table the FTS5 table searched: `memories_fts` (conversation) or `knowledge_fts`
   * @param terms its fts5vocab table, for document counts
   */
  constructor(db: Store, table: "memories_fts" | "knowledge_fts", terms: "memories_terms" | "knowledge_terms") {
    this.db = db;
    this.table = table;
    this.terms = terms;
  }

  /** Occurrence lists held in memory: bounded by `MAX_CACHED_BYTES`, however many different words were searched. */
  get cachedLists(): number {
    return this.postings.size;
  }

  /** Makes a newly stored memory searchable (its words are already in the FTS table). */
  add(id: number, text: string): void {
    const words = wordsOf(text);
    this.lengths.set(id, words.length);
    this.totalLength += words.length;
    for (const word of new Set(words)) {
      this.wordDocuments.set(word, (this.wordDocuments.get(word) ?? 0) + 1);
      const digits = digitsBeforeALetter(word);
      if (digits !== undefined) this.numbersWithALetter.set(digits, (this.numbersWithALetter.get(digits) ?? 0) + 1);
    }
    if (this.postings.size === 0) return;
    if (this.fresh.length >= MAX_FRESH) this.dropPostings();
    else this.fresh.push({ id, words });
  }

  /** Forgets a memory added with `text`. */
  remove(id: number, text: string): void {
    const length = this.lengths.get(id);
    if (length === undefined) return;
    this.totalLength -= length;
    this.lengths.delete(id);
    for (const word of new Set(wordsOf(text))) {
      countDown(this.wordDocuments, word);
      const digits = digitsBeforeALetter(word);
      if (digits !== undefined) countDown(this.numbersWithALetter, digits);
    }
    // SQLite hands a deleted highest id out again; the cached lists must not credit its old words to the new memory.
    this.dropPostings();
  }

  /** The `limit` best matches of `query` among the memories `accept` lets through, best first. */
  find(query: string, accept: (id: number) => boolean, limit: number): KeywordHit[] {
    const size = this.lengths.size;
    if (size === 0 || limit <= 0) return [];
    const statements = this.prepare();
    const words = keywordWords(query).slice(0, MAX_LOOKUPS);
    this.learnStems([...words, ...this.fresh.flatMap((memory) => memory.words)], statements);
    this.absorbFresh();
    const stems =
      size >= GATED_FROM
        ? this.informativeStems(words, size, statements)
        : [...new Set(words.map((word) => this.stems.get(word) ?? word))];
    return this.best(
      stems.map((stem) => this.posting(stem, statements)),
      accept,
      limit,
    );
  }

  /**
   * The `limit` memories with the highest BM25 sums over the stems' lists
   * that `accept` lets through. The lists are walked side by side in id
   * order, so each memory's sum is complete when it is reached: no map of
   * partial sums (a boxed number per update, the most of a recall's garbage),
   * and the scope is tested only for a memory that would enter the top. A
   * stem's rarity is counted among this agent's memories only (the FTS table
   * is shared by every agent).
   */
  private best(lists: PostingList[], accept: (id: number) => boolean, limit: number): KeywordHit[] {
    const size = this.lengths.size;
    const averageLength = this.totalLength / size || 1;
    const idfs = lists.map((list) => Math.max(Math.log((size - list.length + 0.5) / (list.length + 0.5)), MIN_IDF));
    const cursors = lists.map(() => 0);
    const top = this.top;
    top.reset(limit);
    for (;;) {
      let id = Number.POSITIVE_INFINITY;
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l] as PostingList;
        const at = cursors[l] as number;
        if (at < list.length && (list.ids[at] as number) < id) id = list.ids[at] as number;
      }
      if (id === Number.POSITIVE_INFINITY) break;
      const length = this.lengths.get(id) as number;
      let score = 0;
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l] as PostingList;
        const at = cursors[l] as number;
        if (at >= list.length || list.ids[at] !== id) continue;
        const frequency = list.frequencies[at] as number;
        const saturated = (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / averageLength));
        score += (idfs[l] as number) * saturated;
        cursors[l] = at + 1;
      }
      if (top.enters(score) && accept(id)) top.insert(id, score);
    }
    return Array.from({ length: top.length }, (_, i) => ({ id: top.idAt(i), score: top.scoreAt(i) }));
  }

  /** This agent's memories that hold `stem`, read from FTS5 the first time the stem is searched. */
  private posting(stem: string, statements: TermStatements): PostingList {
    return (
      this.postings.get(stem) ?? this.readPosting(stem, this.heldByNone(stem) ? [] : statements.occurrences.all(stem))
    );
  }

  /**
   * Whether none of this agent's memories can hold `stem`, known without
   * FTS5. A stem of digits comes only from that number, or from the number
   * and a letter folded to `s` (the porter stemmer drops a plural `s` and, in
   * a word without vowels, changes nothing else): the word counts say whether
   * any memory has either. A message's own number ("order 5001") is usually
   * new, and reading its empty list cost a seek in every FTS5 segment.
   */
  private heldByNone(stem: string): boolean {
    return ASCII_DIGITS.test(stem) && !this.wordDocuments.has(stem) && !this.numbersWithALetter.has(stem);
  }

  /** Keeps the occurrences of a stem read from FTS5 (memory ids, one per occurrence) as its list. */
  private readPosting(stem: string, occurrences: number[]): PostingList {
    // FTS5 lists a stem's occurrences by memory id, so a memory's are side by side: count them as runs.
    let documents = 0;
    for (let i = 0; i < occurrences.length; i++) {
      if (occurrences[i] !== occurrences[i - 1] && this.lengths.has(occurrences[i] as number)) documents++;
    }
    const posting = new PostingList(documents);
    for (let i = 0; i < occurrences.length; ) {
      const id = occurrences[i] as number;
      let end = i + 1;
      while (occurrences[end] === id) end++;
      if (this.lengths.has(id)) posting.push(id, end - i);
      i = end;
    }
    const bytes = LIST_BYTES + OCCURRENCE_BYTES * posting.length;
    if (this.cachedBytes + bytes > MAX_CACHED_BYTES) this.dropPostings();
    this.postings.set(stem, posting);
    this.cachedBytes += bytes;
    return posting;
  }

  /** Adds the memories stored since the last search to the cached lists of the stems they hold. */
  private absorbFresh(): void {
    for (const { id, words } of this.fresh) {
      const frequencies = new Map<string, number>();
      for (const word of words) {
        const stem = this.stems.get(word) ?? word;
        if (this.postings.has(stem)) frequencies.set(stem, (frequencies.get(stem) ?? 0) + 1);
      }
      for (const [stem, frequency] of frequencies) {
        (this.postings.get(stem) as PostingList).push(id, frequency);
        this.cachedBytes += OCCURRENCE_BYTES;
      }
    }
    this.fresh = [];
  }

  private dropPostings(): void {
    this.postings.clear();
    this.cachedBytes = 0;
    this.fresh = [];
  }

  /**
   * The stems of `words` found in at most 5% as many rows as the agent has
   * memories (and at most 200), rarest first. A word that alone is in more
   * memories than that is left out without asking FTS how many hold its stem:
   * counting a common stem reads its whole occurrence list.
   */
  private informativeStems(words: string[], size: number, statements: TermStatements): string[] {
    const maxDocuments = Math.min(MAX_DOCUMENTS, Math.max(1, size * MAX_SHARE));
    const floors = new Map<string, number>();
    for (const word of words) {
      const stem = this.stems.get(word) ?? word;
      floors.set(stem, Math.max(floors.get(stem) ?? 0, this.wordDocuments.get(word) ?? 0));
    }
    return [...floors]
      .filter(([, floor]) => floor <= maxDocuments)
      .map(([stem]) => ({ stem, documents: this.documentCount(stem, size, maxDocuments, statements) }))
      .filter((term) => term.documents > 0 && term.documents <= maxDocuments)
      .sort((a, b) => a.documents - b.documents)
      .slice(0, MAX_TERMS)
      .map((term) => term.stem);
  }

  /**
   * How many memories hold `stem`. A short occurrence list is read and kept
   * (`READ_AHEAD`): one lookup instead of a count and then the list. Counts
   * of longer ones are kept until the memory has grown by a tenth since they
   * were read: a word's share changes slowly, and each lookup in the FTS
   * vocabulary costs tens of microseconds on a large memory.
   */
  private documentCount(stem: string, size: number, maxDocuments: number, statements: TermStatements): number {
    const posting = this.postings.get(stem);
    if (posting) return posting.length;
    const cached = this.counts.get(stem);
    if (cached && size < cached.size * 1.1 && size >= cached.size) return cached.documents;
    const most = Math.ceil(maxDocuments * READ_AHEAD);
    const occurrences = statements.firstOccurrences.all(stem, most + 1);
    if (occurrences.length <= most) return this.readPosting(stem, occurrences).length;
    const documents = statements.documents.get(stem)?.doc ?? 0;
    if (this.counts.size >= STEM_CACHE_SIZE) this.counts.clear();
    this.counts.set(stem, { documents, size });
    return documents;
  }

  /** Runs unseen words through the same tokenizer as the memories, one row each, to learn their stems. */
  private learnStems(words: string[], statements: TermStatements): void {
    // A number is its own stem (read with `?? word`): a message's numbers would otherwise cost a write each time.
    const stemmed = words.filter((word) => !ASCII_DIGITS.test(word));
    let unseen = [...new Set(stemmed.filter((word) => !this.stems.has(word)))];
    if (unseen.length === 0) return;
    if (this.stems.size + unseen.length > STEM_CACHE_SIZE) {
      this.stems.clear();
      unseen = [...new Set(stemmed)];
    }
    this.db.transaction(() => {
      statements.clear.run();
      for (const [i, word] of unseen.entries()) statements.insert.run(i + 1, word);
    })();
    for (const { rowid, term } of statements.stems.all()) this.stems.set(unseen[rowid - 1] as string, term);
  }

  private prepare(): TermStatements {
    if (!this.statements) {
      this.db.exec(`
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5 (text, tokenize = 'porter unicode61');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_instances USING fts5vocab (temp, query_words, 'instance');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.${this.table}_instances USING fts5vocab (main, ${this.table}, 'instance');
      `);
      this.statements = {
        clear: this.db.prepare("DELETE FROM temp.query_words"),
        insert: this.db.prepare<[number, string]>("INSERT INTO temp.query_words (rowid, text) VALUES (?, ?)"),
        stems: this.db.prepare<[], { rowid: number; term: string }>(
          "SELECT doc AS rowid, term FROM temp.query_instances",
        ),
        documents: this.db.prepare<[string], { doc: number }>(`SELECT doc FROM ${this.terms} WHERE term = ?`),
        occurrences: this.db
          .prepare<[string], number>(`SELECT doc FROM temp.${this.table}_instances WHERE term = ?`)
          .pluck(),
        firstOccurrences: this.db
          .prepare<[string, number], number>(`SELECT doc FROM temp.${this.table}_instances WHERE term = ? LIMIT ?`)
          .pluck(),
      };
    }
    return this.statements;
  }
}

/**
 * ASCII digits followed by one letter ("1990s", "4k"), which FTS5's tokenizer
 * may fold and stem back to the digits. Other digits (full-width,
 * superscript) it keeps as they are, so they never stem to ASCII ones.
 */
const DIGITS_AND_A_LETTER = /^([0-9]+)\p{L}$/u;

/**
 * The ASCII digits a word of digits and one letter may stem to, or
 * undefined for any other word. Counts any letter, not only `s` and the
 * letters FTS5 folds to it (`ś`, `š`, `ſ`): counting too many words costs
 * only a lookup, too few would lose a match.
 */
function digitsBeforeALetter(word: string): string | undefined {
  return DIGITS_AND_A_LETTER.exec(word)?.[1];
}

/** One memory fewer holds `key`. */
function countDown(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/** The words of a memory as the keyword search counts them: letters and digits, lower-cased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
