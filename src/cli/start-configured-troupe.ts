import type { Logger } from "pino";
import { listCharacterFiles } from "../character/index.js";
import { Troupe } from "../runtime/index.js";
import { CliError } from "./cli-error.js";
import type { Config } from "./read-config.js";

/**
 * Starts the characters of `paths` (files or folders; `characters/` when none) with the
 * operator's settings, the same for every command that serves a troupe (`start`, `mcp`), so one
 * data folder is saved and searched alike whichever command opened it.
 */
export async function startConfiguredTroupe(
  options: { paths: string[]; dataDir?: string; bus?: string },
  config: Config,
  logger: Logger,
): Promise<Troupe> {
  const files = await listCharacterFiles(options.paths.length > 0 ? options.paths : ["characters"]);
  if (files.length === 0)
    throw new CliError("NO_CHARACTERS", "No character files found. Create one with: npx troupe new <name>");
  return Troupe.start(files, {
    dataDir: options.dataDir ?? config.TROUPE_DATA_DIR,
    logger,
    bus: options.bus,
    indexSaveMs: config.TROUPE_INDEX_SAVE_SECONDS * 1000,
    exactSearchUpTo: config.TROUPE_EXACT_SEARCH_UP_TO,
    backgroundNice: config.TROUPE_BACKGROUND_NICE,
    answerOwedWithinMs: config.TROUPE_ANSWER_MISSED_SECONDS * 1000,
  });
}
