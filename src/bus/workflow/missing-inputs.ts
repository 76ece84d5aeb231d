import type { Workflow } from "./workflow-definition.js";
import { inputReferences } from "./workflow-template.js";

/**
 * The input fields a workflow's steps need but `input` lacks (absent, null
 * or blank). A field that only a step's `when` reads is optional: an empty
 * condition just skips the step.
 *
 * @example missingInputs(article, { topic: "tides" }) // ["claim"]
 */
export function missingInputs(workflow: Workflow, input: Record<string, unknown>): string[] {
  const needed = new Set(workflow.steps.flatMap((step) => inputReferences(step.input)));
  return [...needed].filter((name) => {
    const value = input[name];
    return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  });
}
