import { TroupeError } from "../../errors/index.js";

/** A delegation chain grew longer than the hop limit (agents handing one task around). */
export class HopLimitError extends TroupeError {
  readonly capability: string;
  readonly path: string[];

  constructor(options: { capability: string; path: string[]; limit: number }) {
    super({
      code: "BUS_HOP_LIMIT",
      message: `Not delegating '${options.capability}': the task already went through ${options.path.join(" → ")} (limit ${options.limit} hops).`,
    });
    this.capability = options.capability;
    this.path = options.path;
  }
}
