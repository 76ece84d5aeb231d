import type { Store } from "../store/index.js";
import { FACT_KEY } from "./fact-key.js";
import { type FactOrigin, isVisibleIn } from "./memory-scopes.js";
import type { RoomSummary } from "./running-summary.js";
import type { StatedFact } from "./stated-facts.js";

/** A fact that was true once and has been replaced. */
export interface PastFact {
  key: string;
  value: string;
  until: number;
}

/**
 * One scope's working memory. A user scope (`userScope`) holds the profile:
 * `facts`, their `origins` and `history`. A room scope (`roomScope`) holds the
 * running `summary` of turns that left the short-term window and open `goals`.
 */
export interface WorkingMemoryDocument {
  /** Current facts, `key → value` (lists such as likes are comma-separated). */
  facts: Record<string, string>;
  /** Replaced facts, oldest first: "lives in: Oslo" stays here after "I moved to Lima". */
  history: PastFact[];
  /** Where each current fact was stated, `key → value (or list item) → origin`; decides who may see it. */
  origins?: Record<string, Record<string, FactOrigin>>;
  /** The running summary of the room's older turns. */
  summary?: RoomSummary;
  /** Open goals and tasks mentioned in the room, oldest first. */
  goals?: string[];
  updatedAt: number;
}

const LIST_KEYS = new Set<string>([FACT_KEY.likes, FACT_KEY.dislikes]);
const OPPOSITE: Record<string, string> = { [FACT_KEY.likes]: FACT_KEY.dislikes, [FACT_KEY.dislikes]: FACT_KEY.likes };

/**
 * Working memory: one JSON document per agent and scope in SQLite, read
 * before generating a reply and updated after it. Reads come from a cache;
 * a document is written only when an update changed it.
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

  /** Drops the cached documents, after their rows changed underneath (a user forgotten): the next read is from the store. */
  reload(): void {
    this.cache.clear();
  }

  /** The document of a scope (an empty one when nothing was stored). Treat it as read-only. */
  get(scope: string): WorkingMemoryDocument {
    let document = this.cache.get(scope);
    if (!document) {
      const row = this.statements.get.get(this.agent, scope) as { data: string } | undefined;
      document = row ? (JSON.parse(row.data) as WorkingMemoryDocument) : { facts: {}, history: [], updatedAt: 0 };
      this.cache.set(scope, document);
    }
    return document;
  }

  /** Whether the scope's profile already holds this fact (for likes and dislikes: has it in its list). */
  knows(scope: string, fact: StatedFact): boolean {
    const value = this.get(scope).facts[fact.key];
    if (!LIST_KEYS.has(fact.key)) return value === fact.value;
    return splitList(value).some((item) => item.toLowerCase() === fact.value.toLowerCase());
  }

  /**
   * Applies stated facts: a newer value replaces the old one, which moves to
   * history. `origin` records where they were stated (see `visibleFacts`).
   */
  applyFacts(scope: string, facts: StatedFact[], now = Date.now(), origin?: FactOrigin): WorkingMemoryDocument {
    if (facts.length === 0) return this.get(scope);
    return this.update(scope, now, (document) => {
      for (const fact of facts) applyFact(document, fact, now, origin);
    });
  }

  /**
   * The facts of a user scope that may be said in `room`: all of them in a
   * direct conversation; in a group room only those stated in a group room
   * or in this one, never what the user said in private.
   */
  visibleFacts(scope: string, room: { id: string; kind: "direct" | "group" }): Record<string, string> {
    const document = this.get(scope);
    if (room.kind === "direct") return { ...document.facts };
    const visible: Record<string, string> = {};
    for (const [key, value] of Object.entries(document.facts)) {
      const origins = document.origins?.[key];
      const items = LIST_KEYS.has(key) ? splitList(value) : [value];
      const shown = items.filter((item) => isVisibleIn(origins?.[item], room));
      if (shown.length > 0) visible[key] = shown.join(", ");
    }
    return visible;
  }

  /**
   * Changes a copy of a scope's document with `change` and stores it, only
   * when the copy differs from what was there.
   */
  update(scope: string, now: number, change: (document: WorkingMemoryDocument) => void): WorkingMemoryDocument {
    const current = this.get(scope);
    const before = JSON.stringify(current);
    const document = structuredClone(current);
    change(document);
    document.updatedAt = current.updatedAt;
    if (JSON.stringify(document) === before) return current;
    document.updatedAt = now;
    this.statements.put.run(this.agent, scope, JSON.stringify(document), now);
    this.cache.set(scope, document);
    return document;
  }
}

function applyFact(document: WorkingMemoryDocument, fact: StatedFact, now: number, origin?: FactOrigin): void {
  if (LIST_KEYS.has(fact.key)) {
    addToList(document, fact.key, fact.value, origin);
    const opposite = OPPOSITE[fact.key];
    if (opposite) removeFromList(document, opposite, fact.value);
    return;
  }
  const previous = document.facts[fact.key];
  if (previous !== undefined && previous !== fact.value) {
    document.history.push({ key: fact.key, value: previous, until: now });
  }
  document.facts[fact.key] = fact.value;
  setOrigins(document, fact.key, origin && { [fact.value]: origin });
}

function addToList(document: WorkingMemoryDocument, key: string, value: string, origin?: FactOrigin): void {
  const items = splitList(document.facts[key]);
  const known = items.find((item) => item.toLowerCase() === value.toLowerCase());
  if (!known) items.push(value);
  document.facts[key] = items.join(", ");
  if (origin) setOrigins(document, key, { ...document.origins?.[key], [known ?? value]: origin });
}

function removeFromList(document: WorkingMemoryDocument, key: string, value: string): void {
  const items = splitList(document.facts[key]);
  const kept = items.filter((item) => item.toLowerCase() !== value.toLowerCase());
  if (kept.length === items.length) return;
  if (kept.length > 0) document.facts[key] = kept.join(", ");
  else delete document.facts[key];
  const origins = { ...document.origins?.[key] };
  for (const item of items) if (!kept.includes(item)) delete origins[item];
  setOrigins(document, key, kept.length > 0 ? origins : undefined);
}

function setOrigins(
  document: WorkingMemoryDocument,
  key: string,
  origins: Record<string, FactOrigin> | undefined,
): void {
  if (origins) {
    document.origins ??= {};
    document.origins[key] = origins;
  } else if (document.origins) {
    delete document.origins[key];
  }
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(", ").filter(Boolean) : [];
}
