import { TroupeError } from "../errors/index.js";

/** The model server refused a request for a reason retrying will not fix (400, 404, 422): usually a wrong model name. */
export class ModelRequestError extends TroupeError {
  readonly status: number;

  constructor(options: { character: string; server: string; status: number; detail: string }) {
    const advice =
      options.status === 404
        ? " Is the model name right? Set TROUPE_MODEL (or model.model in the character file) to one the server has."
        : "";
    super({
      code: "MODEL_REQUEST_REJECTED",
      category: "THIRD_PARTY",
      message: `The model server ${options.server} refused a request of ${options.character} (${options.status}): ${options.detail}.${advice}`,
    });
    this.status = options.status;
  }
}
