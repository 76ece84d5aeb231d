import type { ForgetSelection } from "../../memory/index.js";
import { CliError } from "../cli-error.js";
import type { Config } from "../read-config.js";
import { withAgentMemory } from "./memory-open.js";

export interface MemoryForgetOptions {
  agent: string;
  /** Memory ids to forget. */
  ids: number[];
  user?: string;
  room?: string;
  /** Forget conversation memories older than this, in ms. */
  olderThanMs?: number;
  dataDir?: string;
  now?: number;
}

/**
 * `troupe memory <agent> forget <id…|--user U|--room R|--older-than 90d>`:
 * deletes memories from SQLite (the keyword index follows by trigger) and
 * from the vector index, which is saved again. Returns how many were forgotten.
 */
export async function memoryForgetCommand(options: MemoryForgetOptions, config: Config): Promise<number> {
  const selection: ForgetSelection = {
    userId: options.user,
    room: options.room,
    before: options.olderThanMs === undefined ? undefined : (options.now ?? Date.now()) - options.olderThanMs,
  };
  const bySelection = Object.values(selection).some((value) => value !== undefined);
  if (options.ids.length > 0 === bySelection)
    throw new CliError("MEMORY_FORGET_ARGS", "forget takes memory ids, or --user, --room and/or --older-than");
  return withAgentMemory(options.agent, options.dataDir, config, async ({ memory, character }) => {
    memory.open();
    let forgotten: number;
    if (bySelection) {
      forgotten = memory.forgetWhere(selection);
    } else {
      const unknown = options.ids.filter((id) => !memory.has(id));
      if (unknown.length > 0)
        throw new CliError(
          "MEMORY_NOT_FOUND",
          `${character.name} has no memory ${unknown.map((id) => `#${id}`).join(", ")}`,
        );
      memory.forget(options.ids);
      forgotten = options.ids.length;
    }
    await memory.save();
    return forgotten;
  });
}
