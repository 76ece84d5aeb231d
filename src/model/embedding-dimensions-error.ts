import { TroupeError } from "../errors/index.js";

/** An embedding model returned vectors of another length than the agent's memory index stores. */
export class EmbeddingDimensionsError extends TroupeError {
  readonly expected: number;
  readonly actual: number;

  constructor(options: { character: string; model: string; expected: number; actual: number }) {
    super({
      code: "MODEL_EMBEDDING_DIMENSIONS_MISMATCH",
      category: "USER",
      message: `${options.character}: the embedding model ${options.model} returned vectors of ${options.actual} dimensions, but the memory index expects ${options.expected}. Set TROUPE_EMBEDDING_DIMENSIONS=${options.actual} (or model.embeddingDimensions in the character file), or switch back to the embedding model the index was built with.`,
    });
    this.expected = options.expected;
    this.actual = options.actual;
  }
}
