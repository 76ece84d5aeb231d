/** States after which a bus task or workflow run or step no longer changes (nothing left to cancel). */
const FINISHED = new Set(["succeeded", "failed", "timed-out", "cancelled", "skipped", "partial"]);

export function isFinished(state: string): boolean {
  return FINISHED.has(state);
}
