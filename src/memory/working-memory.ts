import { FACT_KEY, type StatedFact } from "../model/index.js";
import type { Store } from "../store/index.js";

/** A fact that was true once and has been replaced. */
export interface PastFact {
  key: string;
  value: string;
  until: number;
}

/** What the agent knows and is doing with one user in one room. */
export interface WorkingMemoryDocument {
  /** Current facts, `key → value` (lists such as likes are comma-separated). */
  facts: Record<string, string>;
  /** Replaced facts, oldest first: "lives in: Oslo" stays here after "I moved to Lima". */
  history: PastFact[];
  updatedAt: number;
}

const LIST_KEYS = new Set<string>([FACT_KEY.likes, FACT_KEY.dislikes]);
const OPPOSITE: Record<string, string> = { [FACT_KEY.likes]: FACT_KEY.dislikes, [FACT_KEY.dislikes]: FACT_KEY.likes };

/** The scope key of a user in a room. */
export function workingMemoryScope(room: string, userId: string): string {
  return `room:${room}|user:${userId}`;
}

/**
 * Working memory: one JSON document per agent and scope in SQLite, read
 * before generating a reply and updated after it.
 */
export class WorkingMemory {
  private readonly agent: string;
  private readonly cache = new Map<string, WorkingMemoryDocument>();
  private readonly statements;

  constructor(db: Store, agent: string) {
    this.agent = agent;
    this.statements = {
      get: db.prepare("SELECT data FROM working_memory WHERE agent = ? AND scope = ?"),
      put: db.prepare(
        `INSERT INTO working_memory (agent, scope, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (agent, scope) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
    };
  }

  get(scope: string): WorkingMemoryDocument {
    let document = this.cache.get(scope);
    if (!document) {
      const row = this.statements.get.get(this.agent, scope) as { data: string } | undefined;
      document = row ? (JSON.parse(row.data) as WorkingMemoryDocument) : { facts: {}, history: [], updatedAt: 0 };
      this.cache.set(scope, document);
    }
    return document;
  }

  /** Applies stated facts (a newer value replaces the old one, which moves to history) and persists the document. */
  applyFacts(scope: string, facts: StatedFact[], now = Date.now()): WorkingMemoryDocument {
    if (facts.length === 0) return this.get(scope);
    const document = structuredClone(this.get(scope));
    for (const fact of facts) applyFact(document, fact, now);
    document.updatedAt = now;
    this.statements.put.run(this.agent, scope, JSON.stringify(document), now);
    this.cache.set(scope, document);
    return document;
  }
}

function applyFact(document: WorkingMemoryDocument, fact: StatedFact, now: number): void {
  if (LIST_KEYS.has(fact.key)) {
    addToList(document, fact.key, fact.value);
    const opposite = OPPOSITE[fact.key];
    if (opposite) removeFromList(document, opposite, fact.value);
    return;
  }
  const previous = document.facts[fact.key];
  if (previous === fact.value) return;
  if (previous !== undefined) document.history.push({ key: fact.key, value: previous, until: now });
  document.facts[fact.key] = fact.value;
}

function addToList(document: WorkingMemoryDocument, key: string, value: string): void {
  const items = splitList(document.facts[key]);
  if (!items.some((item) => item.toLowerCase() === value.toLowerCase())) items.push(value);
  document.facts[key] = items.join(", ");
}

function removeFromList(document: WorkingMemoryDocument, key: string, value: string): void {
  const items = splitList(document.facts[key]).filter((item) => item.toLowerCase() !== value.toLowerCase());
  if (items.length > 0) document.facts[key] = items.join(", ");
  else delete document.facts[key];
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(", ").filter(Boolean) : [];
}
