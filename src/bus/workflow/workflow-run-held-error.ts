import { TroupeError } from "../../errors/index.js";

/** Another live process holds the run's lease (two troupes share a data folder): it is left to that one. */
export class WorkflowRunHeldError extends TroupeError {
  readonly runId: string;

  constructor(options: { runId: string }) {
    super({
      code: "BUS_WORKFLOW_RUN_HELD",
      category: "USER",
      message: `Workflow run ${options.runId} is being run by another process sharing this data folder; it is left to that one.`,
    });
    this.runId = options.runId;
  }
}
