import type { Writable } from "node:stream";

/** Shows how far a long job has come. */
export interface ProgressBar {
  /** Sets how many of the total are done. */
  update(done: number): void;
  /** Ends the bar (a final newline on a terminal). */
  finish(): void;
}

/** Makes the bar of one job, or undefined to show none. */
export type ProgressFactory = (label: string, total: number) => ProgressBar | undefined;

interface ProgressStream {
  write: Writable["write"];
  isTTY?: boolean;
}

const WIDTH = 24;
/** Without a terminal, a line is written at every tenth of the job. */
const PLAIN_STEPS = 10;

/**
 * A progress bar on `stream`: redrawn in place on a terminal; elsewhere one
 * plain line per tenth when `plain` is set, nothing otherwise (logs stay clean).
 */
export function createProgressBar(
  label: string,
  total: number,
  options: { stream?: ProgressStream; plain?: boolean } = {},
): ProgressBar | undefined {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY && !options.plain) return undefined;
  let lastShown = -1;
  const draw = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    if (stream.isTTY) {
      const percent = Math.floor(share * 100);
      if (percent === lastShown) return;
      lastShown = percent;
      const filled = Math.round(share * WIDTH);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${percent}% ${done}/${total}`);
      return;
    }
    const step = Math.floor(share * PLAIN_STEPS);
    if (step === lastShown) return;
    lastShown = step;
    stream.write(`${label}: ${done}/${total}\n`);
  };
  draw(0);
  return {
    update: draw,
    finish() {
      draw(total);
      if (stream.isTTY) stream.write("\n");
    },
  };
}

/** The default for start-up work: a bar on standard error when it is a terminal, nothing otherwise. */
export const terminalProgress: ProgressFactory = (label, total) => createProgressBar(label, total);
