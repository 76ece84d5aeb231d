import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { isMainThread } from "node:worker_threads";

/** How far below the answering thread the process's other threads run, as a nice value (`AgentOptions.backgroundNice`). */
export const DEFAULT_BACKGROUND_NICE = 10;
/** The lowest priority Linux has. */
const LOWEST = 19;

/**
 * Lets the thread that answers run before the process's other threads:
 * each of them gets a nice value `nice` above the main thread's. On a
 * machine with two cores, V8's helper threads (the optimising compiler, the
 * garbage collector's parallel and concurrent work) were often more than the
 * one free core could run, and the scheduler gave one of them the answering
 * thread's core for a slice: that reply took 3–6 ms instead of 0.6
 * (docs/benchmarks.md, tenth session). Lowered, they still have every core
 * the main thread leaves idle.
 *
 * Linux only (a thread's nice value is its own there; `/proc/self/task` lists
 * the threads), and only from the main thread, which is the answering one;
 * elsewhere it does nothing. Threads started later keep the priority of the
 * thread that started them. Raising a thread that is already as low or lower
 * is never tried: that needs privileges, and calling again changes nothing.
 */
export function lowerOtherThreads(nice: number): void {
  if (nice <= 0 || !isMainThread || process.platform !== "linux") return;
  let threads: string[];
  try {
    threads = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  const target = Math.min(LOWEST, getPriority(process.pid) + nice);
  for (const entry of threads) {
    const thread = Number(entry);
    if (thread === process.pid) continue;
    try {
      if (getPriority(thread) < target) setPriority(thread, target);
    } catch {
      // The thread ended meanwhile: nothing to lower.
    }
  }
}
