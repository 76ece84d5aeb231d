import type { Store } from "../store/index.js";
import { namesUser, roomScope } from "./memory-scopes.js";
import { ownRooms } from "./own-rooms.js";

/**
 * Drops what an agent keeps about one user besides long-term memories: the
 * working-memory documents that name them (their profile, across rooms), the
 * rooms only they talked in (their direct chats: every turn and the room's
 * summary), and what they said elsewhere, so a forgotten user is not
 * recognised from the short-term window or a summary either. Returns how many
 * documents and messages went.
 */
export function forgetUserRecords(db: Store, agent: string, userId: string): { documents: number; messages: number } {
  return db.transaction(() => {
    const rooms = ownRooms(db, agent, userId);
    const scopes = db
      .prepare<[string], string>("SELECT scope FROM working_memory WHERE agent = ?")
      .pluck()
      .all(agent)
      .filter((scope) => namesUser(scope, userId) || rooms.some((room) => scope === roomScope(room)));
    const dropScope = db.prepare<[string, string]>("DELETE FROM working_memory WHERE agent = ? AND scope = ?");
    for (const scope of scopes) dropScope.run(agent, scope);
    const dropRoom = db.prepare<[string, string]>("DELETE FROM messages WHERE agent = ? AND room = ?");
    let messages = 0;
    for (const room of rooms) messages += dropRoom.run(agent, room).changes;
    messages += db
      .prepare<[string, string]>("DELETE FROM messages WHERE agent = ? AND user_id = ? AND role = 'user'")
      .run(agent, userId).changes;
    return { documents: scopes.length, messages };
  })();
}
