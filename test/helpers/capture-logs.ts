import { Writable } from "node:stream";
import pino, { type Logger } from "pino";

/** A logger at `level` (default debug) whose JSON lines are kept, parsed, in `lines`. */
export function captureLogs(level = "debug"): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}
