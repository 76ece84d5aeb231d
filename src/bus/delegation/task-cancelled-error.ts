import { TroupeError } from "../../errors/index.js";

/** A person cancelled the delegated task (or the workflow run it belongs to) before it was answered. */
export class TaskCancelledError extends TroupeError {
  readonly capability: string;

  constructor(options: { capability: string }) {
    super({
      code: "BUS_TASK_CANCELLED",
      category: "USER",
      message: `The '${options.capability}' task was cancelled before it was answered.`,
    });
    this.capability = options.capability;
  }
}
