import type { Logger } from "pino";
import type { DelegationRequest, DelegationResult } from "../delegation/index.js";
import type { Workflow, WorkflowStep } from "./workflow-definition.js";
import { LEASE_MS } from "./workflow-lease.js";
import { WorkflowRunHeldError } from "./workflow-run-held-error.js";
import type { RunState, RunStatus, StepState, StepStatus, WorkflowStore } from "./workflow-store.js";
import { isTruthy, renderTemplate, type TemplateScope } from "./workflow-template.js";

/** One change in a run, for progress output. */
export interface WorkflowProgress {
  runId: string;
  step: string;
  status: StepStatus;
  capability: string;
  agent?: string;
  error?: string;
  /** The step finished in an earlier process and is not run again. */
  resumed?: boolean;
}

/** How a run ended. */
export interface WorkflowRunResult {
  runId: string;
  status: Exclude<RunStatus, "running">;
  output: string;
  steps: StepState[];
  /** The run was picked up where an earlier process left it. */
  resumed: boolean;
  /** A person cancelled it (`RunWorkflowOptions.signal`); its status is `failed`. */
  cancelled: boolean;
}

/** Options of `runWorkflow` and `resumeWorkflow`. */
export interface RunWorkflowOptions {
  store: WorkflowStore;
  delegate(request: DelegationRequest): Promise<DelegationResult>;
  /** Who asks on the bus. Default `workflow`. */
  from?: string;
  onProgress?(progress: WorkflowProgress): void;
  /** Called with the run's id once it is stored (and leased), before any step runs. */
  onStart?(runId: string): void;
  /** Called with the run's id once it has ended, however it ended. */
  onEnd?(runId: string): void;
  /**
   * Cancels the run when aborted: no step starts any more, pending steps are
   * skipped, the running ones' tasks are cancelled, and the run ends `failed`.
   */
  signal?: AbortSignal;
  logger?: Logger;
  /**
   * Who runs it (`leaseOwner`): the run is leased to it while it runs, and
   * `WorkflowRunHeldError` is thrown when another live process holds it.
   * Unset: no lease (one process owns the data folder).
   */
  owner?: string;
}

/**
 * Runs a workflow with `input`: every step whose dependencies are done is
 * delegated at once (fan-out), a step waits for all it depends on (fan-in),
 * each with its timeout, retries (on other agents) and condition. Under
 * `fail-fast` the first failure stops new steps; under `continue` only the
 * steps that need a failed one are skipped. Every change is stored, and an
 * unfinished run of the same workflow and input is resumed, not restarted:
 * finished steps are not run again.
 */
export async function runWorkflow(
  workflow: Workflow,
  input: Record<string, unknown>,
  options: RunWorkflowOptions,
): Promise<WorkflowRunResult> {
  const earlier = options.store.findUnfinished(workflow, input);
  return execute(earlier ?? options.store.create(workflow, input), earlier !== undefined, options);
}

/** Resumes a stored, unfinished run by id. */
export async function resumeWorkflow(runId: string, options: RunWorkflowOptions): Promise<WorkflowRunResult> {
  const run = options.store.load(runId);
  if (!run) throw new Error(`No workflow run ${runId}.`);
  return execute(run, true, options);
}

async function execute(run: RunState, resumed: boolean, options: RunWorkflowOptions): Promise<WorkflowRunResult> {
  const { owner, store } = options;
  if (owner !== undefined && !store.lease(run.id, owner)) throw new WorkflowRunHeldError({ runId: run.id });
  const renew = owner === undefined ? undefined : setInterval(() => store.lease(run.id, owner), LEASE_MS / 3);
  options.onStart?.(run.id);
  try {
    return await executeLeased(run, resumed, options);
  } finally {
    clearInterval(renew);
    options.onEnd?.(run.id);
  }
}

async function executeLeased(run: RunState, resumed: boolean, options: RunWorkflowOptions): Promise<WorkflowRunResult> {
  const { workflow } = run;
  const cancelled = () => options.signal?.aborted === true;
  const report = (step: WorkflowStep, state: StepState, extra: Partial<WorkflowProgress> = {}) =>
    options.onProgress?.({
      runId: run.id,
      step: step.id,
      status: state.status,
      capability: step.capability,
      agent: state.agent,
      error: state.error,
      ...extra,
    });
  for (const step of workflow.steps) {
    const state = stateOf(run, step);
    // A step that was running when the process died is run again; finished ones are kept.
    if (state.status === "running") state.status = "pending";
    else if (resumed && state.status !== "pending") report(step, state, { resumed: true });
  }
  const running = new Map<string, Promise<void>>();
  const save = (step: WorkflowStep, state: StepState) => {
    options.store.saveStep(run.id, state);
    report(step, state);
  };
  for (;;) {
    const failed = [...run.steps.values()].some((state) => state.status === "failed");
    for (const step of workflow.steps) {
      const state = stateOf(run, step);
      if (state.status !== "pending" || running.has(step.id)) continue;
      const needs = step.dependsOn.map((id) => run.steps.get(id) as StepState);
      if (needs.some((need) => need.status === "pending" || need.status === "running")) continue;
      const broken = needs.find((need) => need.status === "failed" || (need.status === "skipped" && need.error));
      if (cancelled()) {
        save(step, Object.assign(state, { status: "skipped", error: CANCELLED }));
      } else if (workflow.onFailure === "fail-fast" && failed) {
        save(step, Object.assign(state, { status: "skipped", error: "an earlier step failed" }));
      } else if (broken) {
        save(step, Object.assign(state, { status: "skipped", error: `needs '${broken.id}', which did not finish` }));
      } else if (step.when !== undefined && !isTruthy(renderTemplate(step.when, scopeOf(run)))) {
        save(step, Object.assign(state, { status: "skipped" }));
      } else {
        save(step, Object.assign(state, { status: "running" }));
        const work = runStep(run, step, state, options).then(() => save(step, state));
        running.set(
          step.id,
          work.finally(() => running.delete(step.id)),
        );
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  const states = [...run.steps.values()];
  const anyFailed = states.some((state) => state.status === "failed");
  const status = cancelled()
    ? "failed"
    : !anyFailed
      ? "succeeded"
      : workflow.onFailure === "continue"
        ? "partial"
        : "failed";
  const output = workflow.output ? renderTemplate(workflow.output, scopeOf(run)) : sinkOutputs(run);
  const error = cancelled() ? CANCELLED : states.find((state) => state.status === "failed")?.error;
  if (cancelled()) options.store.markCancelled(run.id);
  options.store.finish(run.id, status, { output, error });
  return { runId: run.id, status, output, steps: states, resumed, cancelled: cancelled() };
}

/** Why steps were skipped, and the run's error, when a person cancelled the run. */
const CANCELLED = "the run was cancelled";

async function runStep(run: RunState, step: WorkflowStep, state: StepState, options: RunWorkflowOptions) {
  try {
    const result = await options.delegate({
      capability: step.capability,
      input: renderTemplate(step.input, scopeOf(run)),
      from: options.from ?? "workflow",
      timeoutMs: step.timeoutMs,
      retries: step.retries,
      priority: step.priority,
      traceId: run.id,
      signal: options.signal,
    });
    Object.assign(state, {
      status: "succeeded",
      agent: result.agent,
      attempts: state.attempts + result.attempts,
      output: result.text,
      error: undefined,
    });
  } catch (error) {
    if (options.signal?.aborted) {
      Object.assign(state, { status: "skipped", attempts: state.attempts + 1, error: CANCELLED });
      return;
    }
    options.logger?.warn({ err: error, run: run.id, step: step.id }, "workflow step failed");
    Object.assign(state, {
      status: "failed",
      attempts: state.attempts + 1,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function stateOf(run: RunState, step: WorkflowStep): StepState {
  let state = run.steps.get(step.id);
  if (!state) {
    state = { id: step.id, status: "pending", attempts: 0 };
    run.steps.set(step.id, state);
  }
  return state;
}

function scopeOf(run: RunState): TemplateScope {
  const steps: TemplateScope["steps"] = {};
  for (const [id, state] of run.steps) steps[id] = { output: state.output, agent: state.agent };
  return { input: run.input, steps };
}

/** The outputs of the steps nothing depends on, in order. */
function sinkOutputs(run: RunState): string {
  const needed = new Set(run.workflow.steps.flatMap((step) => step.dependsOn));
  return run.workflow.steps
    .filter((step) => !needed.has(step.id))
    .map((step) => run.steps.get(step.id)?.output)
    .filter((output): output is string => Boolean(output))
    .join("\n\n");
}
