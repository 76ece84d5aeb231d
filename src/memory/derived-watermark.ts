import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import type { StoredMessage } from "./message-log.js";

/**
 * How far an agent's long-term memory holds the memories of its logged
 * messages. A message is acknowledged once its row is committed; its memory
 * follows in the next group commit (see `GroupCommit`), which also moves
 * this mark. After a crash, the turns beyond the mark are the ones whose
 * memory may be missing: `underived` lists them for the start to
 * remember again, from the log, which is the source of truth.
 */
export class DerivedWatermark {
  private readonly agent: string;
  private readonly statements: {
    get: Statement<[string], { message_id: number }>;
    set: Statement<[string, number]>;
    beyond: Statement<[string, number], StoredMessage>;
    held: Statement<[string, number], { id: number }>;
  };

  constructor(db: Store, agent: string) {
    this.agent = agent;
    this.statements = {
      get: db.prepare("SELECT message_id FROM derived_watermarks WHERE agent = ?"),
      set: db.prepare(
        `INSERT INTO derived_watermarks (agent, message_id) VALUES (?, ?)
         ON CONFLICT (agent) DO UPDATE SET message_id = MAX(message_id, excluded.message_id)`,
      ),
      beyond: db.prepare(
        `SELECT id, room, user_id AS userId, user_name AS userName, role, text, platform, created_at AS createdAt
         FROM messages WHERE agent = ? AND text != '' AND id > ? ORDER BY id`,
      ),
      held: db.prepare(
        "SELECT source_message_id AS id FROM memories WHERE agent = ? AND kind = 'message' AND source_message_id > ?",
      ),
    };
  }

  /** Records that the memory of message `id` (and of every earlier one) is written. */
  advance(id: number): void {
    this.statements.set.run(this.agent, id);
  }

  /** The logged turns beyond the mark that have no memory yet, oldest first. */
  underived(): StoredMessage[] {
    const mark = this.statements.get.get(this.agent)?.message_id ?? 0;
    const beyond = this.statements.beyond.all(this.agent, mark);
    if (beyond.length === 0) return [];
    const held = new Set(this.statements.held.all(this.agent, mark).map((row) => row.id));
    return beyond.filter((message) => !held.has(message.id));
  }
}
