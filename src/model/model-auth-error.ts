import { TroupeError } from "../errors/index.js";

/** The model server refused the API key (401 or 403). The message names where the key came from, never the key. */
export class ModelAuthError extends TroupeError {
  readonly character: string;
  readonly status: number;

  constructor(options: { character: string; server: string; keySource: string; status: number }) {
    super({
      code: "MODEL_AUTH_REJECTED",
      category: "USER",
      message: `The model server ${options.server} rejected the API key of ${options.character} (${options.status}). Check ${options.keySource}.`,
    });
    this.character = options.character;
    this.status = options.status;
  }
}
