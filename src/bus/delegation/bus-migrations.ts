import type { OwnedMigrations } from "../../store/index.js";

/** The bus's table: delegated tasks, whom they went to and how they ended (`TaskLog`). Append; never edit a shipped one. */
export const BUS_MIGRATIONS: OwnedMigrations = {
  owner: "bus",
  steps: [
    // 1: delegated tasks, by trace.
    `
  CREATE TABLE bus_tasks (
    id TEXT PRIMARY KEY,
    trace_id TEXT NOT NULL,
    capability TEXT NOT NULL,
    from_agent TEXT NOT NULL,
    to_agent TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'succeeded', 'failed', 'timed-out')),
    input TEXT NOT NULL,
    result TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX bus_tasks_trace ON bus_tasks (trace_id, created_at);
  `,
    // 2: a task can be cancelled; tasks are listed newest first. SQLite changes a CHECK only by copying the table.
    `
  CREATE TABLE bus_tasks_next (
    id TEXT PRIMARY KEY,
    trace_id TEXT NOT NULL,
    capability TEXT NOT NULL,
    from_agent TEXT NOT NULL,
    to_agent TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'succeeded', 'failed', 'timed-out', 'cancelled')),
    input TEXT NOT NULL,
    result TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO bus_tasks_next SELECT id, trace_id, capability, from_agent, to_agent, status, input, result, error,
    created_at, updated_at FROM bus_tasks;
  DROP TABLE bus_tasks;
  ALTER TABLE bus_tasks_next RENAME TO bus_tasks;
  CREATE INDEX bus_tasks_trace ON bus_tasks (trace_id, created_at);
  CREATE INDEX bus_tasks_created ON bus_tasks (created_at);
  `,
  ],
};
