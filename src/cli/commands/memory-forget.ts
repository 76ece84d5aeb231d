import { type ForgetSelection, forgetUserRecords, resolveUserId } from "../../memory/index.js";
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

/** What a forget removed: memories, and for `--user` alone also the user's working memory and messages. */
export interface ForgetReport {
  memories: number;
  documents: number;
  messages: number;
}

/**
 * `troupe memory <agent> forget <id…|--user U|--room R|--older-than 90d>`:
 * deletes memories from SQLite (the keyword index follows by trigger) and
 * from the vector index, which is saved again. `--user` alone forgets the
 * user entirely: their working-memory profile and their messages go too.
 */
export async function memoryForgetCommand(options: MemoryForgetOptions, config: Config): Promise<ForgetReport> {
  const selection: ForgetSelection = {
    userId: options.user,
    room: options.room,
    before: options.olderThanMs === undefined ? undefined : (options.now ?? Date.now()) - options.olderThanMs,
  };
  const bySelection = Object.values(selection).some((value) => value !== undefined);
  if (options.ids.length > 0 === bySelection)
    throw new CliError("MEMORY_FORGET_ARGS", "forget takes memory ids, or --user, --room and/or --older-than");
  return withAgentMemory(options.agent, options.dataDir, config, async ({ memory, character, db }) => {
    memory.open();
    const report = { memories: 0, documents: 0, messages: 0 };
    if (bySelection) {
      selection.userId = resolveUserId(db, character.name, selection.userId);
      report.memories = memory.forgetWhere(selection);
      if (selection.userId !== undefined && selection.room === undefined && selection.before === undefined)
        Object.assign(report, forgetUserRecords(db, character.name, selection.userId));
    } else {
      const unknown = options.ids.filter((id) => !memory.has(id));
      if (unknown.length > 0)
        throw new CliError(
          "MEMORY_NOT_FOUND",
          `${character.name} has no memory ${unknown.map((id) => `#${id}`).join(", ")}`,
        );
      memory.forget(options.ids);
      report.memories = options.ids.length;
    }
    await memory.save();
    return report;
  });
}
