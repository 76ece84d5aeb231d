import type { Store } from "../store/index.js";

/**
 * Drops what an agent keeps about one user besides long-term memories: the
 * working-memory documents that name them (their profile, across rooms) and
 * the messages they sent, so a forgotten user is not recognised from the
 * short-term window either. Returns how many of each went.
 */
export function forgetUserRecords(db: Store, agent: string, userId: string): { documents: number; messages: number } {
  return db.transaction(() => {
    const scopes = db
      .prepare<[string], string>("SELECT scope FROM working_memory WHERE agent = ?")
      .pluck()
      .all(agent)
      .filter((scope) => scope.split("|").includes(`user:${userId}`));
    const dropScope = db.prepare<[string, string]>("DELETE FROM working_memory WHERE agent = ? AND scope = ?");
    for (const scope of scopes) dropScope.run(agent, scope);
    const messages = db
      .prepare<[string, string]>("DELETE FROM messages WHERE agent = ? AND user_id = ? AND role = 'user'")
      .run(agent, userId).changes;
    return { documents: scopes.length, messages };
  })();
}
