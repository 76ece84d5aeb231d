import { TroupeError } from "../errors/index.js";

/** A file given as knowledge is of a type Troupe cannot read. */
export class UnsupportedKnowledgeError extends TroupeError {
  readonly file: string;

  constructor(options: { file: string; supported: string[] }) {
    super({
      code: "MEMORY_UNSUPPORTED_KNOWLEDGE",
      category: "USER",
      message: `${options.file}: cannot read this file as knowledge; supported types: ${options.supported.join(", ")}.`,
    });
    this.file = options.file;
  }
}
