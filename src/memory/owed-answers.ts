import type { Statement } from "better-sqlite3";
import type { Store } from "../store/index.js";
import type { Addressed, StoredMessage } from "./message-log.js";

/** A logged user's message its platform has not taken an answer to yet. */
export interface OwedMessage extends StoredMessage {
  /** The platform's id for the message, when it gave one. */
  externalId?: string;
  /** What deciding whether to answer reads of it besides its text. */
  addressed: Addressed;
  /** The reply already recorded for it (the platform may not have taken it); absent when none was. */
  answer?: string;
  /** How many starts after a crash took it up already (and died before its answer went out). */
  takenUp: number;
}

interface OwedStatements {
  list: Statement<[string, string, number, number], OwedRow>;
  expire: Statement<[string, number]>;
  settle: Statement<[number]>;
  takeUp: Statement<[number]>;
}

interface OwedRow extends StoredMessage {
  owed: number;
  externalId: string | null;
  addressed: string;
  answer: string | null;
}

/**
 * The answers an agent owes on its platforms. A message a connector can
 * answer later (`Connector.deliver`) is logged as owed, and stays owed until
 * the platform took its reply or the agent decided to stay silent; a start
 * after a crash answers, once, what is still owed from the last few minutes.
 */
export class OwedAnswers {
  private readonly db: Store;
  private readonly agent: string;
  /** The first message id this process logged or will log. */
  private readonly before: number;
  /** Whether an earlier process left anything owed (most starts: no, and nothing more is read or prepared). */
  private readonly leftOwed: boolean;
  private prepared: OwedStatements | undefined;

  constructor(db: Store, agent: string) {
    this.db = db;
    this.agent = agent;
    // What this process logs is answered as it comes; only what an earlier one left is owed from before.
    const found = db
      .prepare<[string], { last: number | null; owed: number }>(
        "SELECT (SELECT MAX(id) FROM messages) AS last, EXISTS (SELECT 1 FROM messages WHERE agent = ? AND owed > 0) AS owed",
      )
      .get(agent);
    this.before = (found?.last ?? 0) + 1;
    this.leftOwed = found?.owed === 1;
  }

  /**
   * Prepared on first use: an agent on no platform that confirms delivery
   * never needs them, and a thousand agents would hold three thousand.
   */
  private get statements(): OwedStatements {
    const db = this.db;
    this.prepared ??= {
      // The reply, when one was recorded, follows the message in its room (the room index finds it).
      list: db.prepare(
        `SELECT m.id, m.room, m.user_id AS userId, m.user_name AS userName, m.role, m.text, m.platform,
           m.created_at AS createdAt, m.owed, m.external_id AS externalId, m.addressed,
           (SELECT r.text FROM messages r WHERE r.agent = m.agent AND r.room = m.room AND r.id > m.id
             AND r.answers = m.id ORDER BY r.id LIMIT 1) AS answer
         FROM messages m WHERE m.agent = ? AND m.platform = ? AND m.owed > 0 AND m.created_at >= ? AND m.id <= ?
         ORDER BY m.id`,
      ),
      expire: db.prepare(
        "UPDATE messages SET owed = 0, addressed = NULL WHERE agent = ? AND owed > 0 AND created_at < ?",
      ),
      settle: db.prepare("UPDATE messages SET owed = 0, addressed = NULL WHERE id = ?"),
      takeUp: db.prepare("UPDATE messages SET owed = owed + 1 WHERE id = ? AND owed > 0"),
    };
    return this.prepared;
  }

  /** What an earlier process left owed on `platform` for messages sent at `since` (epoch ms) or later, oldest first. */
  list(platform: string, since: number): OwedMessage[] {
    if (!this.leftOwed) return [];
    return this.statements.list
      .all(this.agent, platform, since, this.before - 1)
      .map(({ owed, externalId, addressed, answer, ...row }) => ({
        ...row,
        externalId: externalId ?? undefined,
        addressed: JSON.parse(addressed) as Addressed,
        answer: answer ?? undefined,
        takenUp: owed - 1,
      }));
  }

  /** Owes nothing any more for messages older than `time` (epoch ms); resolves to how many were still owed. */
  expire(time: number): number {
    if (!this.leftOwed) return 0;
    return this.statements.expire.run(this.agent, time).changes;
  }

  /** Notes, committed at once, that this start takes up the messages `ids` to answer them again. */
  takeUp(ids: number[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.statements.takeUp.run(id);
    })();
  }

  /** The platform took the answer to message `id`, or none is due. */
  settle(id: number): void {
    this.statements.settle.run(id);
  }
}
