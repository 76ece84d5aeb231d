import { addKnowledge, createProgressBar, type IngestReport } from "../../memory/index.js";
import type { Config } from "../read-config.js";
import { withAgentMemory } from "./memory-open.js";

/**
 * `troupe knowledge add <agent> <path>`: ingests a file or folder (.md, .txt,
 * .json, .pdf) into the agent's knowledge; unchanged files are skipped.
 * Progress goes to standard error: a bar on a terminal, plain lines otherwise.
 */
export async function knowledgeAddCommand(
  options: { agent: string; path: string; dataDir?: string },
  config: Config,
): Promise<IngestReport> {
  const progress = (label: string, total: number) => createProgressBar(label, total, { plain: true });
  return withAgentMemory(options.agent, options.dataDir, config, async ({ memory }) => {
    memory.open();
    const events = { warn: (message: string) => console.error(`warning: ${message}`) };
    const report = await addKnowledge(memory, options.path, { progress, events });
    await memory.save();
    return report;
  });
}
