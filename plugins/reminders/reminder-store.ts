import type { Store } from "troupe";

/** A reminder as stored in the `reminders` table. */
export interface Reminder {
  id: number;
  platform: string;
  room: string;
  roomKind: "direct" | "group";
  userId: string;
  userName: string;
  text: string;
  dueAt: number;
  status: "pending" | "delivered" | "cancelled";
}

const COLUMNS = `id, platform, room, room_kind AS roomKind, user_id AS userId, user_name AS userName, text,
  due_at AS dueAt, status`;

/** One agent's reminders in SQLite, where they survive a restart. */
export class ReminderStore {
  private readonly statements;

  constructor(
    db: Store,
    private readonly agent: string,
  ) {
    this.statements = {
      add: db.prepare(
        `INSERT INTO reminders (agent, platform, room, room_kind, user_id, user_name, text, due_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      due: db.prepare(
        `SELECT ${COLUMNS} FROM reminders WHERE agent = ? AND status = 'pending' AND due_at <= ? ORDER BY due_at, id`,
      ),
      next: db.prepare(
        "SELECT MIN(due_at) AS dueAt FROM reminders WHERE agent = ? AND status = 'pending' AND due_at > ?",
      ),
      pending: db.prepare(
        `SELECT ${COLUMNS} FROM reminders WHERE agent = ? AND user_id = ? AND status = 'pending' ORDER BY due_at, id`,
      ),
      setStatus: db.prepare(
        "UPDATE reminders SET status = ? WHERE agent = ? AND id = ? AND status = 'pending' AND user_id = COALESCE(?, user_id)",
      ),
    };
  }

  /** Stores a reminder and returns its id. */
  add(reminder: Omit<Reminder, "id" | "status">, now = Date.now()): number {
    const { platform, room, roomKind, userId, userName, text, dueAt } = reminder;
    const info = this.statements.add.run(this.agent, platform, room, roomKind, userId, userName, text, dueAt, now);
    return Number(info.lastInsertRowid);
  }

  /** Pending reminders due at `now` or earlier, oldest first. */
  due(now: number): Reminder[] {
    return this.statements.due.all(this.agent, now) as Reminder[];
  }

  /** When the next pending reminder due after `now` is due, if any. */
  nextDueAfter(now: number): number | undefined {
    return (this.statements.next.get(this.agent, now) as { dueAt: number | null }).dueAt ?? undefined;
  }

  /** A user's pending reminders, soonest first. */
  pending(userId: string): Reminder[] {
    return this.statements.pending.all(this.agent, userId) as Reminder[];
  }

  /** Marks a pending reminder delivered; false when it was not pending any more (cancelled, delivered elsewhere). */
  markDelivered(id: number): boolean {
    return this.statements.setStatus.run("delivered", this.agent, id, null).changes > 0;
  }

  /** Cancels one of the user's pending reminders; false when there is no such pending reminder. */
  cancel(id: number, userId: string): boolean {
    return this.statements.setStatus.run("cancelled", this.agent, id, userId).changes > 0;
  }
}
