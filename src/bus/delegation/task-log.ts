import type { Store } from "../../store/index.js";

/** The states of a delegated task. */
export type TaskStatus = "sent" | "succeeded" | "failed" | "timed-out" | "cancelled";

/** A delegated task as recorded in SQLite. */
export interface TaskRecord {
  id: string;
  traceId: string;
  capability: string;
  fromAgent: string;
  toAgent: string;
  status: TaskStatus;
  input: string;
  result?: string;
  error?: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, trace_id AS traceId, capability, from_agent AS fromAgent, to_agent AS toAgent, status, input, result,
  error, created_at AS createdAt, updated_at AS updatedAt`;

type Row = TaskRecord & { result: string | null; error: string | null };

/**
 * The `bus_tasks` table: every task this process delegated, with whom it
 * went to and how it ended, so a restart (or a person) can see what happened.
 */
export class TaskLog {
  private readonly insert;
  private readonly finish;
  private readonly select;
  private readonly count;
  private readonly selectOne;

  constructor(private readonly db: Store) {
    this.insert = db.prepare(
      `INSERT INTO bus_tasks (id, trace_id, capability, from_agent, to_agent, status, input, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'sent', ?, ?, ?)`,
    );
    this.finish = db.prepare("UPDATE bus_tasks SET status = ?, result = ?, error = ?, updated_at = ? WHERE id = ?");
    this.select = db.prepare(`SELECT ${COLUMNS} FROM bus_tasks WHERE trace_id = ? ORDER BY created_at, rowid`);
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM bus_tasks WHERE id = ?`);
    this.count = db.prepare("SELECT status, count(*) AS tasks FROM bus_tasks GROUP BY status");
  }

  /** How many tasks are in each state (every state listed, 0 when none). */
  countByStatus(): Record<TaskStatus, number> {
    const counts: Record<TaskStatus, number> = { sent: 0, succeeded: 0, failed: 0, "timed-out": 0, cancelled: 0 };
    for (const row of this.count.all() as { status: TaskStatus; tasks: number }[]) counts[row.status] = row.tasks;
    return counts;
  }

  /** Records a task as sent. */
  sent(task: { id: string; traceId: string; capability: string; from: string; to: string; input: string }): void {
    const now = Date.now();
    this.insert.run(task.id, task.traceId, task.capability, task.from, task.to, task.input, now, now);
  }

  /** Records how a task ended. */
  finished(id: string, status: Exclude<TaskStatus, "sent">, outcome: { result?: string; error?: string }): void {
    this.finish.run(status, outcome.result ?? null, outcome.error ?? null, Date.now(), id);
  }

  /** The tasks of one trace (a conversation turn or a workflow run), in order. */
  byTrace(traceId: string): TaskRecord[] {
    return (this.select.all(traceId) as Row[]).map(toRecord);
  }

  /** One task by id. */
  get(id: string): TaskRecord | undefined {
    const row = this.selectOne.get(id) as Row | undefined;
    return row && toRecord(row);
  }

  /** The newest tasks first, of one status when given. */
  list(options: { status?: TaskStatus; limit: number }): TaskRecord[] {
    const where = options.status ? "WHERE status = ?" : "";
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM bus_tasks ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(...(options.status ? [options.status] : []), options.limit) as Row[];
    return rows.map(toRecord);
  }
}

function toRecord(row: Row): TaskRecord {
  return { ...row, result: row.result ?? undefined, error: row.error ?? undefined };
}
