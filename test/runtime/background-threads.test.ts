import { readdirSync } from "node:fs";
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const threads = () => new Set(readdirSync("/proc/self/task").map(Number));

/** A worker thread started now, which starts at the main thread's priority; and the threads it added to the process. */
async function startWorker(): Promise<{ worker: Worker; added: number[] }> {
  const before = threads();
  const code = "require('node:worker_threads').parentPort.postMessage('up'); setInterval(() => {}, 1000);";
  const worker = new Worker(code, { eval: true });
  await new Promise((resolve) => worker.once("message", resolve));
  return { worker, added: [...threads()].filter((thread) => !before.has(thread)) };
}

// Thread priorities are per thread, and listed in /proc, on Linux only; elsewhere `lowerOtherThreads` does nothing.
describe.runIf(process.platform === "linux")("the answering thread's priority", () => {
  const tempDir = useTempDir();
  const workers: Worker[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.terminate();
  });

  it("runs the process's other threads 10 lower than the main thread once an agent starts, and the main thread as it was", async () => {
    const main = getPriority(process.pid);
    const { worker, added } = await startWorker();
    workers.push(worker);
    expect(added.length).toBeGreaterThan(0);
    expect(added.map((thread) => getPriority(thread))).toEqual(added.map(() => main));

    const troupe = await Troupe.start(["characters/host.json"], { dataDir: tempDir(), logger });
    await troupe.stop();

    expect(getPriority(process.pid)).toBe(main);
    expect(added.map((thread) => getPriority(thread))).toEqual(added.map(() => Math.min(19, main + 10)));
    for (const thread of threads()) {
      if (thread !== process.pid) expect(getPriority(thread)).toBeGreaterThanOrEqual(Math.min(19, main + 10));
    }
  });

  it("leaves them as they are with backgroundNice 0 (TROUPE_BACKGROUND_NICE=0)", async () => {
    const main = getPriority(process.pid);
    const { worker, added } = await startWorker();
    workers.push(worker);

    const troupe = await Troupe.start(["characters/host.json"], { dataDir: tempDir(), logger, backgroundNice: 0 });
    await troupe.stop();

    expect(added.map((thread) => getPriority(thread))).toEqual(added.map(() => main));
  });
});
