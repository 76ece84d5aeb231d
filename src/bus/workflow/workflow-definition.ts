import { readFile } from "node:fs/promises";
import { z } from "zod";
import { WorkflowDefinitionError } from "./workflow-definition-error.js";
import { stepReferences } from "./workflow-template.js";

const stepSchema = z.object({
  id: z.string().regex(/^[\w-]+$/, "letters, digits, _ and - only"),
  capability: z.string().min(1),
  /** Template: `{{input.x}}`, `{{steps.<id>.output}}`. */
  input: z.string(),
  /** Steps that must finish first; steps referred to in `input` or `when` are added. */
  dependsOn: z.array(z.string()).default([]),
  /** Time one agent gets. Default 30 s. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Further attempts after a failure. Default 1. */
  retries: z.number().int().min(0).max(10).default(1),
  /** Template; the step is skipped when it renders to "", "false", "no" or "0". */
  when: z.string().optional(),
  priority: z.number().int().min(0).max(9).default(5),
});

/** A JSON workflow: a DAG of delegated steps. */
export const workflowSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(""),
  /** `fail-fast`: stop at the first failed step. `continue`: run everything that does not depend on it. */
  onFailure: z.enum(["fail-fast", "continue"]).default("fail-fast"),
  steps: z.array(stepSchema).min(1),
  /** Template for the run's output. Default: the outputs of the steps nothing depends on. */
  output: z.string().optional(),
});

/** A validated workflow; `steps[].dependsOn` includes the steps its templates refer to. */
export type Workflow = z.infer<typeof workflowSchema>;
/** One step of a workflow. */
export type WorkflowStep = Workflow["steps"][number];

/**
 * Validates a workflow: its shape, unique step ids, known dependencies and
 * no cycles. Throws `WorkflowDefinitionError` listing every problem.
 */
export function parseWorkflow(value: unknown, file = "workflow"): Workflow {
  const parsed = workflowSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new WorkflowDefinitionError({ file, problems });
  }
  const workflow = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  workflow.steps.forEach((step, index) => {
    if (ids.has(step.id)) problems.push(`steps[${index}].id: '${step.id}' is used twice`);
    ids.add(step.id);
  });
  workflow.steps.forEach((step, index) => {
    const referred = [...stepReferences(step.input), ...stepReferences(step.when ?? "")];
    step.dependsOn = [...new Set([...step.dependsOn, ...referred])];
    for (const dependency of step.dependsOn) {
      if (!ids.has(dependency)) problems.push(`steps[${index}]: depends on '${dependency}', which is not a step`);
    }
  });
  const cycle = findCycle(workflow.steps);
  if (cycle) problems.push(`steps: ${cycle.join(" → ")} is a cycle`);
  if (problems.length > 0) throw new WorkflowDefinitionError({ file, problems });
  return workflow;
}

/** Reads and validates a workflow file. */
export async function loadWorkflow(file: string): Promise<Workflow> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new WorkflowDefinitionError({ file, problems: [(error as Error).message] });
  }
  return parseWorkflow(value, file);
}

function findCycle(steps: WorkflowStep[]): string[] | undefined {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "visiting") return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, "visiting");
    trail.push(id);
    for (const next of byId.get(id)?.dependsOn ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const step of steps) {
    const cycle = visit(step.id);
    if (cycle) return cycle;
  }
  return undefined;
}
