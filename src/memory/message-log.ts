import type { Store } from "../store/index.js";

/** One stored turn of a conversation. */
export interface StoredMessage {
  id: number;
  room: string;
  userId: string;
  userName: string;
  role: "user" | "agent";
  text: string;
  platform: string;
  createdAt: number;
}

export interface NewMessage {
  room: string;
  userId: string;
  userName: string;
  role: "user" | "agent";
  text: string;
  platform: string;
  /** The platform's id for the message; a second message with the same id is a duplicate. */
  externalId?: string;
  createdAt?: number;
}

const RING_SIZE = 64;

/**
 * Short-term memory: every turn of an agent's rooms, stored in SQLite before
 * anything else happens, with the last turns of each room kept in memory so
 * reading the window costs no query.
 */
export class MessageLog {
  private readonly agent: string;
  private readonly rings = new Map<string, StoredMessage[]>();
  private readonly statements;

  constructor(db: Store, agent: string) {
    this.agent = agent;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO messages (agent, room, user_id, user_name, role, text, platform, external_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      recent: db.prepare(
        `SELECT id, room, user_id AS userId, user_name AS userName, role, text, platform, created_at AS createdAt
         FROM messages WHERE agent = ? AND room = ? ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  /** Stores a turn. Returns undefined when the platform already delivered a message with the same external id. */
  record(message: NewMessage): StoredMessage | undefined {
    const createdAt = message.createdAt ?? Date.now();
    const result = this.statements.insert.run(
      this.agent,
      message.room,
      message.userId,
      message.userName,
      message.role,
      message.text,
      message.platform,
      message.externalId ?? null,
      createdAt,
    );
    if (result.changes === 0) return undefined;
    const stored: StoredMessage = {
      id: Number(result.lastInsertRowid),
      room: message.room,
      userId: message.userId,
      userName: message.userName,
      role: message.role,
      text: message.text,
      platform: message.platform,
      createdAt,
    };
    const ring = this.rings.get(message.room);
    if (ring) {
      ring.push(stored);
      if (ring.length > RING_SIZE) ring.shift();
    }
    return stored;
  }

  /** The last `limit` turns of a room, oldest first. */
  recent(room: string, limit: number): StoredMessage[] {
    if (limit > RING_SIZE) return (this.statements.recent.all(this.agent, room, limit) as StoredMessage[]).reverse();
    let ring = this.rings.get(room);
    if (!ring) {
      ring = (this.statements.recent.all(this.agent, room, RING_SIZE) as StoredMessage[]).reverse();
      this.rings.set(room, ring);
    }
    return limit >= ring.length ? ring.slice() : ring.slice(ring.length - limit);
  }
}
