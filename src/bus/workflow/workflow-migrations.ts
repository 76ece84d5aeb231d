import type { OwnedMigrations } from "../../store/index.js";

/** The workflows' tables: runs and their steps, so a restart resumes unfinished runs. Append; never edit a shipped one. */
export const WORKFLOW_MIGRATIONS: OwnedMigrations = {
  owner: "workflows",
  steps: [
    // 1: workflow runs and their steps.
    `
  CREATE TABLE workflow_runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    input TEXT NOT NULL,
    input_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'partial')),
    output TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX workflow_runs_unfinished ON workflow_runs (name, input_key) WHERE status = 'running';

  CREATE TABLE workflow_steps (
    run_id TEXT NOT NULL REFERENCES workflow_runs (id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped')),
    agent TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    output TEXT,
    error TEXT,
    started_at INTEGER,
    finished_at INTEGER,
    PRIMARY KEY (run_id, step_id)
  );
  `,
    // 2: the lease on a run, so two processes sharing a data folder never both resume it.
    `
  ALTER TABLE workflow_runs ADD COLUMN lease_owner TEXT;
  ALTER TABLE workflow_runs ADD COLUMN lease_until INTEGER;
  `,
    // 3: a person may cancel a run (it ends as failed, with when it was cancelled); runs are listed newest first.
    `
  ALTER TABLE workflow_runs ADD COLUMN cancelled_at INTEGER;
  CREATE INDEX workflow_runs_created ON workflow_runs (created_at);
  `,
  ],
};
