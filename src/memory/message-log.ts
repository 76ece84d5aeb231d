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
  /**
   * A user's message that is owed an answer until its platform took the reply (`OwedAnswers`), with what
   * deciding whether to answer reads of it besides its text. Absent: nothing is owed (an HTTP request).
   */
  owed?: Addressed;
  /** An agent's turn: the id of the user's message it answers. */
  answers?: number;
}

/** How a message reached the agent: what deciding whether to answer reads of it besides its text. */
export interface Addressed {
  kind: "direct" | "group";
  mentionsAgent?: boolean;
  repliesToAgent?: boolean;
  isBot?: boolean;
}

/** The most turns of a room kept in memory; a longer window is read from SQLite. */
const RING_SIZE = 64;
/**
 * Rooms whose last turns are kept in memory, the least recently active
 * dropped first (their turns are read again from SQLite when they speak):
 * a bot that meets thousands of people holds a bounded number of rings.
 */
const MAX_ROOMS = 2_000;

/** A room's last turns, oldest first: all of them up to `capacity`. */
interface Ring {
  turns: StoredMessage[];
  capacity: number;
}

/**
 * Short-term memory: every turn of an agent's rooms, stored in SQLite before
 * anything else happens, with the last turns of each room kept in memory so
 * reading the window costs no query.
 */
export class MessageLog {
  private readonly agent: string;
  private readonly rings = new Map<string, Ring>();
  private readonly statements;

  constructor(db: Store, agent: string) {
    this.agent = agent;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO messages (agent, room, user_id, user_name, role, text, platform, external_id, created_at, owed, addressed, answers)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
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
      message.owed ? 1 : 0,
      message.owed ? JSON.stringify(message.owed) : null,
      message.answers ?? null,
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
      ring.turns.push(stored);
      if (ring.turns.length > ring.capacity) ring.turns.shift();
      // Most recently active last, so the first room is the one to drop.
      this.rings.delete(message.room);
      this.rings.set(message.room, ring);
    }
    return stored;
  }

  /**
   * The last `limit` turns of a room, oldest first. A room's ring keeps as
   * many turns as it was asked for (a character's window, not a fixed 64).
   */
  recent(room: string, limit: number): StoredMessage[] {
    if (limit > RING_SIZE) return this.read(room, limit);
    let ring = this.rings.get(room);
    if (!ring || limit > ring.capacity) {
      const capacity = Math.max(limit, ring?.capacity ?? 0);
      ring = { turns: this.read(room, capacity), capacity };
      this.rings.set(room, ring);
      if (this.rings.size > MAX_ROOMS) this.rings.delete(this.rings.keys().next().value as string);
    }
    const { turns } = ring;
    return limit >= turns.length ? turns.slice() : turns.slice(turns.length - limit);
  }

  private read(room: string, limit: number): StoredMessage[] {
    return (this.statements.recent.all(this.agent, room, limit) as StoredMessage[]).reverse();
  }
}
