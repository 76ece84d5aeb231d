import { hostname } from "node:os";
import type { Store } from "../../store/index.js";

/** How long a lease lasts without renewal; the holder renews it every third of this. */
export const LEASE_MS = 30_000;

/**
 * Who holds a run: `host:pid`, this process. A process that finds a lease
 * held by a dead process on its own host takes it at once, without waiting
 * for it to expire (the usual case: the same troupe restarted after a crash).
 */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Takes or renews the lease on an unfinished run for `owner`; false when
 * another process holds it (alive, or not expired). One SQLite write
 * transaction (BEGIN IMMEDIATE), so two processes sharing a data folder
 * cannot both take the same run.
 */
export function takeLease(db: Store, runId: string, owner: string, now = Date.now()): boolean {
  const take = db.transaction(() => {
    const row = db
      .prepare("SELECT status, lease_owner AS holder, lease_until AS until FROM workflow_runs WHERE id = ?")
      .get(runId) as { status: string; holder: string | null; until: number | null } | undefined;
    if (row?.status !== "running") return false;
    const free = row.holder === null || row.holder === owner || (row.until ?? 0) < now || isDeadHere(row.holder);
    if (!free) return false;
    db.prepare("UPDATE workflow_runs SET lease_owner = ?, lease_until = ? WHERE id = ?").run(
      owner,
      now + LEASE_MS,
      runId,
    );
    return true;
  });
  return take.immediate();
}

/** Whether `holder` names a process on this host that no longer runs. */
function isDeadHere(holder: string): boolean {
  const [host, pid] = holder.split(":");
  if (host !== hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
