import { listWorkingMemory, resolveUserId, type ScopedWorkingMemory } from "../../memory/index.js";
import type { Config } from "../read-config.js";
import { withAgentMemory } from "./memory-open.js";

/**
 * `troupe memory <agent> show-working [--user U]`: the agent's working-memory
 * documents (every scope, or those of one user) as stored.
 */
export async function memoryShowWorkingCommand(
  options: { agent: string; user?: string; dataDir?: string },
  config: Config,
): Promise<ScopedWorkingMemory[]> {
  return withAgentMemory(options.agent, options.dataDir, config, async ({ db, character }) =>
    listWorkingMemory(db, character.name, { userId: resolveUserId(db, character.name, options.user) }),
  );
}
