import { type RecalledMemory, resolveUserId, searchMemories } from "../../memory/index.js";
import type { Config } from "../read-config.js";
import { terminalSafe } from "../terminal-safe.js";
import { withAgentMemory } from "./memory-open.js";

export interface MemorySearchOptions {
  agent: string;
  query: string;
  k: number;
  user?: string;
  room?: string;
  dataDir?: string;
}

/**
 * `troupe memory <agent> search "<query>" [--user U] [--room R] [-k 10]`:
 * recalls as the agent would (conversation memories in scope, and
 * knowledge), best first, without changing what is stored.
 */
export async function memorySearchCommand(options: MemorySearchOptions, config: Config): Promise<RecalledMemory[]> {
  return withAgentMemory(options.agent, options.dataDir, config, async ({ memory, db, character }) => {
    memory.open();
    const userId = resolveUserId(db, character.name, options.user);
    return searchMemories(memory, options.query, { k: options.k, userId, room: options.room });
  });
}

/** One line per recalled memory: id, kind, scores, scope and text, with control characters shown as escapes. */
export function formatRecalled(memory: RecalledMemory): string {
  const scope = [
    memory.userId && `user=${terminalSafe(memory.userId)}`,
    memory.room && `room=${terminalSafe(memory.room)}`,
  ].filter(Boolean);
  const text = terminalSafe(memory.text.replace(/\s*\n\s*/g, " "));
  return `#${memory.id} ${memory.kind} score=${memory.score.toFixed(3)} relevance=${memory.relevance.toFixed(3)}${scope.length > 0 ? ` ${scope.join(" ")}` : ""} ${text}`;
}
