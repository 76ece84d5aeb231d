import type { Turn } from "./turn.js";

/** Runs the steps after the current one; resolves when they are done. */
export type Next = () => Promise<void>;

/** One named step of an agent's pipeline. */
export interface Step {
  readonly name: string;
  /**
   * Runs even when a step before it returned without calling `next`: the
   * agent's own bookkeeping (recording the reply, reflecting), which no
   * plugin step can skip by accident.
   */
  readonly always?: boolean;
  run(turn: Turn, next: Next): void | Promise<void>;
}

/**
 * Composes steps into one pipeline, the way Hono's `compose` and grammY's
 * `Composer` do: each step gets the turn and `next`, which runs the steps
 * after it, so a step can work before them and, after `await next()`, on
 * what they did. A step that returns without calling `next` skips the steps
 * after it up to the next `always` step.
 */
export function composeSteps(steps: readonly Step[]): (turn: Turn) => Promise<void> {
  const stages: Step[][] = [];
  for (const step of steps) {
    const last = stages.at(-1);
    if (!last || step.always) stages.push([step]);
    else last.push(step);
  }
  return async (turn) => {
    for (const stage of stages) await runStage(stage, turn);
  };
}

function runStage(stage: readonly Step[], turn: Turn): Promise<void> {
  let called = -1;
  const dispatch = async (index: number): Promise<void> => {
    const step = stage[index];
    if (!step) return;
    // A second call would run the rest twice: a bug in the calling step, said plainly.
    if (index <= called) throw new Error(`step ${stage[index - 1]?.name} called next() more than once`);
    called = index;
    // Timed whole (the steps it runs through `next` included); the trace takes those out when read.
    const entry = turn.trace.stepStarted(step.name);
    try {
      await step.run(turn, () => dispatch(index + 1));
    } finally {
      turn.trace.stepEnded(entry);
    }
  };
  return dispatch(0);
}
