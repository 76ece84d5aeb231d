import { TroupeError } from "../../errors/index.js";

/** A workflow file is not a valid DAG of steps; `problems` names each one with its JSON path. */
export class WorkflowDefinitionError extends TroupeError {
  readonly file: string;
  readonly problems: string[];

  constructor(options: { file: string; problems: string[] }) {
    super({
      code: "BUS_WORKFLOW_DEFINITION",
      category: "USER",
      message: options.problems.map((problem) => `${options.file}: ${problem}`).join("\n"),
    });
    this.file = options.file;
    this.problems = options.problems;
  }
}
