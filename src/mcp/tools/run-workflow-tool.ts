import { join } from "node:path";
import { z } from "zod";
import { loadWorkflow, missingInputs } from "../../bus/index.js";
import { TroupeError } from "../../errors/index.js";
import { defineTroupeTool } from "../troupe-tool.js";

/** `run_workflow`: runs one of the project's workflow files over the bus and reports every step and the output. */
export const runWorkflowTool = defineTroupeTool({
  name: "run_workflow",
  title: "Run a workflow",
  description:
    "Run one of the troupe's workflows (a file in its workflows/ folder, e.g. article) with the given input: its steps are delegated to the agents, and the result lists each step and the output.",
  input: {
    // A name, not a path: a client may run the project's workflows, not read files elsewhere.
    workflow: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a workflow name from workflows/, e.g. article"),
    input: z.record(z.string(), z.unknown()).default({}),
  },
  async run({ troupe, workflowsDir }, { workflow: name, input }) {
    const workflow = await loadWorkflow(join(workflowsDir, `${name}.json`));
    const missing = missingInputs(workflow, input);
    if (missing.length > 0) {
      throw new TroupeError({
        code: "MCP_WORKFLOW_INPUT",
        category: "USER",
        message: `Workflow ${workflow.name} needs ${missing.join(" and ")} in its input.`,
      });
    }
    const result = await troupe.node.runWorkflow(workflow, input);
    const steps = result.steps.map(
      (step) =>
        `${step.status} ${step.id}${step.agent ? ` by ${step.agent}` : ""}${step.error ? `: ${step.error}` : ""}`,
    );
    const text = [`Workflow ${workflow.name} ${result.status} (run ${result.runId})`, ...steps, "", result.output].join(
      "\n",
    );
    return { text: text.trim(), data: { workflow: workflow.name, ...result } };
  },
});
