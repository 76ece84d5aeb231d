import { createProgressBar } from "../../memory/index.js";
import type { Config } from "../read-config.js";
import { withAgentMemory } from "./memory-open.js";

/**
 * `troupe memory <agent> reembed`: re-embeds, in batches, the memories stored
 * with another embedding model or dimension than the agent's, then rebuilds
 * and saves the index. Progress goes to standard error: a bar on a terminal,
 * plain lines otherwise. Returns how many memories were re-embedded, and
 * the embedding model they now use (`model (N dimensions)`).
 */
export async function memoryReembedCommand(
  options: { agent: string; dataDir?: string },
  config: Config,
): Promise<{ count: number; model: string }> {
  const progress = (label: string, total: number) => createProgressBar(label, total, { plain: true });
  return withAgentMemory(options.agent, options.dataDir, config, async ({ memory, embedder }) => {
    const count = await memory.reembed(progress);
    memory.open();
    await memory.save();
    return { count, model: `${embedder.model} (${embedder.dimensions} dimensions)` };
  });
}
