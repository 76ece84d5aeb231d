import type { LongTermMemory } from "./long-term-memory.js";
import type { RecalledMemory } from "./memory-record.js";

/**
 * Recalls as the agent would, for a person looking into its memory: the
 * conversation memories in scope (a user's, a room's, or all) and the
 * knowledge, merged best first, without changing what is stored.
 */
export async function searchMemories(
  memory: LongTermMemory,
  query: string,
  options: { k: number; userId?: string; room?: string },
): Promise<RecalledMemory[]> {
  const conversation = await memory.recall(query, { ...options, kinds: ["message", "fact", "summary"] });
  const knowledge = await memory.recall(query, { ...options, kinds: ["knowledge"] });
  return [...conversation, ...knowledge].sort((a, b) => b.score - a.score).slice(0, options.k);
}
