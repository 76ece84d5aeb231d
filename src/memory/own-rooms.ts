import type { Store } from "../store/index.js";

/** The rooms only this user talked in with the agent (their direct chats). */
export function ownRooms(db: Store, agent: string, userId: string): string[] {
  return db
    .prepare<[string, string], string>(
      `SELECT room FROM messages WHERE agent = ? AND role = 'user' GROUP BY room
       HAVING COUNT(DISTINCT user_id) = 1 AND MIN(user_id) = ?`,
    )
    .pluck()
    .all(agent, userId);
}
