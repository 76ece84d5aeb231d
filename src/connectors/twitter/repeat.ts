import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `task` after `firstDelayMs` (default: one period), then again a
 * period after each run ends, until `signal` aborts. A run that throws is
 * handed to `onError` and the next run still comes; an aborted wait ends it.
 * `periodMs` is asked each time, so it may jitter.
 */
export async function repeat(options: {
  signal: AbortSignal;
  periodMs: () => number;
  task: () => Promise<unknown>;
  onError: (error: unknown) => void;
  firstDelayMs?: number;
}): Promise<void> {
  const { signal, periodMs, task, onError } = options;
  let wait = options.firstDelayMs ?? periodMs();
  while (!signal.aborted) {
    try {
      await sleep(wait, undefined, { signal });
      await task();
    } catch (error) {
      if (signal.aborted) return;
      onError(error);
    }
    wait = periodMs();
  }
}
