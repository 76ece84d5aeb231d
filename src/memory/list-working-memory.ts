import type { Store } from "../store/index.js";
import { namesUser } from "./memory-scopes.js";

/** A stored working-memory document with the scope it belongs to. */
export interface ScopedWorkingMemory {
  scope: string;
  updatedAt: number;
  document: unknown;
}

/**
 * Every working-memory document of an agent, as stored. With `userId`, only
 * the scopes that name that user (`user:<id>` in the scope key).
 */
export function listWorkingMemory(db: Store, agent: string, options: { userId?: string } = {}): ScopedWorkingMemory[] {
  const rows = db
    .prepare<[string], { scope: string; data: string; updated_at: number }>(
      "SELECT scope, data, updated_at FROM working_memory WHERE agent = ? ORDER BY scope",
    )
    .all(agent);
  const { userId } = options;
  return rows
    .filter((row) => userId === undefined || namesUser(row.scope, userId))
    .map((row) => ({ scope: row.scope, updatedAt: row.updated_at, document: JSON.parse(row.data) as unknown }));
}
