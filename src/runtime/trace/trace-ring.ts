import type { TurnTrace } from "./turn-trace.js";

/** How many recent messages each agent keeps the trace of, unless told otherwise (`TROUPE_TRACE_LIMIT`). */
export const DEFAULT_TRACE_LIMIT = 100;

/**
 * The traces of an agent's last `capacity` messages: a fixed ring, so a busy
 * agent holds a bounded number however long it runs, with an index by id.
 */
export class TraceRing {
  private readonly slots: (TurnTrace | undefined)[];
  private readonly byId = new Map<string, TurnTrace>();
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_TRACE_LIMIT) {
    this.slots = new Array(capacity);
  }

  /** Keeps a finished trace, dropping the oldest when full. */
  add(trace: TurnTrace): void {
    if (this.capacity === 0) return;
    const old = this.slots[this.next];
    if (old) this.byId.delete(old.id);
    this.slots[this.next] = trace;
    this.byId.set(trace.id, trace);
    this.next = (this.next + 1) % this.capacity;
  }

  get(id: string): TurnTrace | undefined {
    return this.byId.get(id);
  }

  /** Up to `limit` traces, newest first. */
  recent(limit = this.capacity): TurnTrace[] {
    const found: TurnTrace[] = [];
    for (let i = 1; i <= this.capacity && found.length < limit; i++) {
      const trace = this.slots[(this.next - i + this.capacity) % this.capacity];
      if (!trace) break;
      found.push(trace);
    }
    return found;
  }
}
