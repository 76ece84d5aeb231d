import { TroupeError } from "../errors/index.js";

/** How many memories of an agent were embedded with one model and dimension. */
export interface EmbeddingCensus {
  model: string;
  dimensions: number;
  count: number;
}

/**
 * Memories were embedded with another model or dimension than the agent's
 * embedder. Their vectors cannot be compared with new ones, and dropping them
 * would lose memories, so the agent does not start until they are re-embedded.
 */
export class EmbeddingModelChangedError extends TroupeError {
  readonly agent: string;
  readonly stored: EmbeddingCensus[];

  constructor(options: { agent: string; model: string; dimensions: number; stored: EmbeddingCensus[] }) {
    const counts = options.stored
      .map((group) => `${group.count} with ${group.model} (${group.dimensions} dimensions)`)
      .join(", ");
    super({
      code: "MEMORY_EMBEDDING_MODEL_CHANGED",
      category: "USER",
      message: `${options.agent}: long-term memories were embedded with another model: ${counts}; the agent now embeds with ${options.model} (${options.dimensions} dimensions). Vectors of different models are never mixed. Re-embed them with: npx troupe memory ${JSON.stringify(options.agent)} reembed (or switch back to the old embedding model).`,
    });
    this.agent = options.agent;
    this.stored = options.stored;
  }
}
