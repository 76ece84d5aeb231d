/**
 * The reminders plugin's table: reminders delivered later to the room they
 * were asked in, kept after delivery for listing. Append; never edit a
 * shipped one.
 */
export const REMINDER_MIGRATIONS: readonly string[] = [
  // 1: "IF NOT EXISTS" because databases made before each owner kept its migrations already have the table.
  `
  CREATE TABLE IF NOT EXISTS reminders (
    id INTEGER PRIMARY KEY,
    agent TEXT NOT NULL,
    platform TEXT NOT NULL,
    room TEXT NOT NULL,
    room_kind TEXT NOT NULL CHECK (room_kind IN ('direct', 'group')),
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    text TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'cancelled'))
  );
  CREATE INDEX IF NOT EXISTS reminders_due ON reminders (agent, status, due_at);
  CREATE INDEX IF NOT EXISTS reminders_user ON reminders (agent, user_id, status);
  `,
];
