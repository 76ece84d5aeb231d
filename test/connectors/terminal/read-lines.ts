import { createInterface } from "node:readline";

/** The lines written to a stream, taken one at a time as they come. */
export function readLines(stream: NodeJS.ReadableStream): { next(timeoutMs: number): Promise<string> } {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: stream }).on("line", (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    next(timeoutMs) {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1);
          reject(new Error(`no line within ${timeoutMs} ms`));
        }, timeoutMs);
        const take = (taken: string) => {
          clearTimeout(timer);
          resolve(taken);
        };
        waiting.push(take);
      });
    },
  };
}
