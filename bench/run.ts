/**
 * Runs every benchmark in its own process (so memory figures are its own),
 * one after another, and passes through their one-line JSON results.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const only = process.argv[2];
const benches = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.js") && (!only || file.includes(only)))
  .sort();
let failed = false;
for (const file of benches) {
  // The heap settings `troupe start` runs with (src/cli/bin.ts), so memory figures are the product's: the bin
  // caps the main thread's young generation at two semi-spaces of 8 MB from running code (capYoungGeneration),
  // which the flag does here from the start (and for worker threads too, which the bin's cap does not watch).
  const flags = ["--expose-gc", "--heap-growing-percent=50", "--max-semi-space-size=8"];
  const result = spawnSync(process.execPath, [...flags, join(dir, file)], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`${file} failed with exit code ${result.status}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
