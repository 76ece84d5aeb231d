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
  ],
};
