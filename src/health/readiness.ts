/** Whether a part of the troupe (an agent, a connector, the bus) can serve now, and if not, why. */
export interface Readiness {
  ready: boolean;
  /** Why not, in one line ("index rebuilding", "Redis at … is unreachable"), while not ready. */
  reason?: string;
}

/** Ready, with nothing to say. */
export const READY: Readiness = Object.freeze({ ready: true });

/**
 * The conditions that keep one part from serving, each reported by whoever
 * knows of it and cleared by them when it ends: the agent itself while it
 * starts or stops, memory while an index is rebuilt. Ready when none is set.
 *
 * @example
 * agent.notReady.add("index", "index rebuilding");
 * // … rebuild …
 * agent.notReady.remove("index");
 */
export class NotReadyReasons {
  private readonly reasons = new Map<string, string>();

  /** Keeps the part from being ready for `reason`, under `key` (a second `add` of the key replaces the reason). */
  add(key: string, reason: string): void {
    this.reasons.set(key, reason);
  }

  /** The condition under `key` has ended. */
  remove(key: string): void {
    this.reasons.delete(key);
  }

  /** Ready when no condition is set; otherwise the reasons, joined. */
  readiness(): Readiness {
    if (this.reasons.size === 0) return READY;
    return { ready: false, reason: [...this.reasons.values()].join("; ") };
  }
}
