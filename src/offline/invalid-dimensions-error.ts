import { TroupeError } from "../errors/index.js";

/** Thrown when an embedding dimension is not a whole number in the supported range. */
export class InvalidDimensionsError extends TroupeError {
  readonly dimensions: number;

  constructor(options: { dimensions: number; min: number; max: number }) {
    super({
      code: "MODEL_INVALID_DIMENSIONS",
      category: "USER",
      message: `Embedding dimensions must be a whole number from ${options.min} to ${options.max}, got ${options.dimensions}.`,
    });
    this.dimensions = options.dimensions;
  }
}
