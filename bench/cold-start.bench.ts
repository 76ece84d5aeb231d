/**
 * Cold start: from spawning `troupe start` with the demo characters to
 * `/health` answering, with an empty data folder and with the folder the
 * first run left. Median of several runs. Prints one JSON line.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median } from "./bench-helpers.js";

const RUNS = 7;
const BIN = resolve(import.meta.dirname, "../cli/bin.js");
const PORT = 38_000 + (process.pid % 1000);

async function coldStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "start", "--port", String(PORT), "--data-dir", dataDir], {
    stdio: "ignore",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`troupe start exited with ${child.exitCode}`);
      await new Promise((done) => setTimeout(done, 2));
    }
  } finally {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
}

const empty: number[] = [];
const existing: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-cold-"));
  empty.push(await coldStart(dataDir));
  existing.push(await coldStart(dataDir));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    bench: "cold_start_to_health",
    runs: RUNS,
    empty_data_dir_ms: Math.round(median(empty)),
    existing_data_dir_ms: Math.round(median(existing)),
  }),
);
