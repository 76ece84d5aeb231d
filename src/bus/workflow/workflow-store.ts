import { createHash, randomUUID } from "node:crypto";
import type { Store } from "../../store/index.js";
import type { Workflow } from "./workflow-definition.js";
import { takeLease } from "./workflow-lease.js";

/** The states of a step. */
export type StepStatus = "pending" | "running" | "succeeded" | "failed" | "skipped";
/** The states of a run: `partial` finished with some failed steps under `continue`. */
export type RunStatus = "running" | "succeeded" | "failed" | "partial";

/** A step's recorded state. */
export interface StepState {
  id: string;
  status: StepStatus;
  agent?: string;
  attempts: number;
  output?: string;
  error?: string;
}

/** A run's recorded state. */
export interface RunState {
  id: string;
  workflow: Workflow;
  input: Record<string, unknown>;
  status: RunStatus;
  /** A person cancelled it: it ended (or will end) as `failed`, its pending steps skipped. */
  cancelled: boolean;
  output?: string;
  error?: string;
  steps: Map<string, StepState>;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

/**
 * Workflow runs and their steps in SQLite (`workflow_runs`,
 * `workflow_steps`): every step change is written as it happens, so a run
 * interrupted by a crash resumes where it was.
 */
export class WorkflowStore {
  constructor(private readonly db: Store) {}

  /** Starts recording a new run with every step pending. */
  create(workflow: Workflow, input: Record<string, unknown>): RunState {
    const id = randomUUID();
    const now = Date.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO workflow_runs (id, name, definition, input, input_key, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(id, workflow.name, JSON.stringify(workflow), JSON.stringify(input), inputKey(workflow, input), now, now);
      const insert = this.db.prepare("INSERT INTO workflow_steps (run_id, step_id, status) VALUES (?, ?, 'pending')");
      for (const step of workflow.steps) insert.run(id, step.id);
    })();
    return this.load(id) as RunState;
  }

  /** The unfinished run of the same workflow with the same input, if a previous process left one. */
  findUnfinished(workflow: Workflow, input: Record<string, unknown>): RunState | undefined {
    const row = this.db
      .prepare(
        "SELECT id FROM workflow_runs WHERE name = ? AND input_key = ? AND status = 'running' ORDER BY created_at DESC",
      )
      .get(workflow.name, inputKey(workflow, input)) as { id: string } | undefined;
    return row ? this.load(row.id) : undefined;
  }

  /** Ids of every unfinished run. */
  unfinished(): string[] {
    return (this.db.prepare("SELECT id FROM workflow_runs WHERE status = 'running'").all() as { id: string }[]).map(
      (row) => row.id,
    );
  }

  /** The newest runs first. */
  list(limit: number): RunState[] {
    return this.db
      .prepare<[number], string>("SELECT id FROM workflow_runs ORDER BY created_at DESC, rowid DESC LIMIT ?")
      .pluck()
      .all(limit)
      .map((id) => this.load(id) as RunState);
  }

  load(id: string): RunState | undefined {
    const run = this.db.prepare("SELECT * FROM workflow_runs WHERE id = ?").get(id) as
      | {
          definition: string;
          input: string;
          status: RunStatus;
          output: string | null;
          error: string | null;
          cancelled_at: number | null;
          created_at: number;
          updated_at: number;
        }
      | undefined;
    if (!run) return undefined;
    const rows = this.db.prepare("SELECT * FROM workflow_steps WHERE run_id = ?").all(id) as {
      step_id: string;
      status: StepStatus;
      agent: string | null;
      attempts: number;
      output: string | null;
      error: string | null;
    }[];
    const steps = new Map<string, StepState>(
      rows.map((row) => [
        row.step_id,
        {
          id: row.step_id,
          status: row.status,
          agent: row.agent ?? undefined,
          attempts: row.attempts,
          output: row.output ?? undefined,
          error: row.error ?? undefined,
        },
      ]),
    );
    return {
      id,
      workflow: JSON.parse(run.definition) as Workflow,
      input: JSON.parse(run.input) as Record<string, unknown>,
      status: run.status,
      cancelled: run.cancelled_at !== null,
      output: run.output ?? undefined,
      error: run.error ?? undefined,
      steps,
      createdAt: run.created_at,
      updatedAt: run.updated_at,
    };
  }

  /** Writes one step's state. */
  saveStep(runId: string, step: StepState): void {
    const now = Date.now();
    this.db
      .prepare(
        `UPDATE workflow_steps SET status = ?, agent = ?, attempts = ?, output = ?, error = ?,
           started_at = CASE WHEN ? = 'running' THEN ? ELSE started_at END,
           finished_at = CASE WHEN ? IN ('succeeded', 'failed', 'skipped') THEN ? ELSE NULL END
         WHERE run_id = ? AND step_id = ?`,
      )
      .run(
        step.status,
        step.agent ?? null,
        step.attempts,
        step.output ?? null,
        step.error ?? null,
        step.status,
        now,
        step.status,
        now,
        runId,
        step.id,
      );
  }

  /** Takes or renews `owner`'s lease on an unfinished run; false when another live process holds it. */
  lease(runId: string, owner: string): boolean {
    return takeLease(this.db, runId, owner);
  }

  /** Records that a person cancelled the run; `finish` records how it ended. */
  markCancelled(runId: string): void {
    this.db
      .prepare("UPDATE workflow_runs SET cancelled_at = ?, updated_at = ? WHERE id = ? AND cancelled_at IS NULL")
      .run(Date.now(), Date.now(), runId);
  }

  /** Records how the run ended. */
  finish(runId: string, status: Exclude<RunStatus, "running">, outcome: { output?: string; error?: string }): void {
    this.db
      .prepare("UPDATE workflow_runs SET status = ?, output = ?, error = ?, updated_at = ? WHERE id = ?")
      .run(status, outcome.output ?? null, outcome.error ?? null, Date.now(), runId);
  }
}

function inputKey(workflow: Workflow, input: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify([workflow, input]))
    .digest("hex")
    .slice(0, 32);
}
