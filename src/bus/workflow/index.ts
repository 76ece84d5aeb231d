/**
 * Workflows: JSON DAGs of delegated steps. A definition is parsed and
 * checked with zod, each step's input is rendered from earlier outputs, and
 * the run's state lives in SQLite so an interrupted run resumes where it
 * stopped. Steps are handed out through delegation, never run here.
 */

export { loadWorkflowFolder, type WorkflowFolder } from "./load-workflow-folder.js";
export { missingInputs } from "./missing-inputs.js";
export {
  type RunWorkflowOptions,
  resumeWorkflow,
  runWorkflow,
  type WorkflowProgress,
  type WorkflowRunResult,
} from "./run-workflow.js";
export {
  loadWorkflow,
  parseWorkflow,
  type Workflow,
  type WorkflowStep,
  workflowSchema,
} from "./workflow-definition.js";
export { WorkflowDefinitionError } from "./workflow-definition-error.js";
export { LEASE_MS, leaseOwner } from "./workflow-lease.js";
export { WORKFLOW_MIGRATIONS } from "./workflow-migrations.js";
export { WorkflowRunHeldError } from "./workflow-run-held-error.js";
export { type RunState, type RunStatus, type StepState, type StepStatus, WorkflowStore } from "./workflow-store.js";
export { renderTemplate } from "./workflow-template.js";
