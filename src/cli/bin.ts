#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
import { config as loadDotenv } from "dotenv";
import { redactSecrets, rememberEnvSecrets, TroupeError } from "../errors/index.js";
import { isDamagedDatabase, StoreDamagedError } from "../store/index.js";
import { runProgram } from "./program.js";
import { capYoungGeneration } from "./young-generation.js";

// A busy troupe allocates fast, and V8 then lets the old generation grow to up to four times what survived the
// last full collection before it collects again: in a 3-minute soak, 173 MB of old space for about 80 MB in use,
// and resident memory growing 68% after the first minute. At 1.5 times: 82 MB, 18%, for 0.6 s more of full
// collections in those 3 minutes (docs/reliability.md). Set only here, for the troupe's own process; an explicit
// `node --heap-growing-percent=N` wins.
if (!process.execArgv.some((flag) => flag.startsWith("--heap-growing-percent"))) {
  setFlagsFromString("--heap-growing-percent=50");
}
// V8 lets the young generation grow to 32 MB (two semi-spaces of 16), nearly all of it resident once a troupe is
// busy. At two of 8: `pipeline_offline_sequential` 144 -> 125 MB resident after 1,000 messages, the same CPU time
// and shorter young collections (docs/benchmarks.md, eighth session); at 4 or 1 the CPU time grew 12-15%.
capYoungGeneration(8);

loadDotenv({ quiet: true });
rememberEnvSecrets(process.env);

// `troupe … | head`: the reader has gone, so there is nobody left to tell. Stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

try {
  const code = await runProgram(process.argv);
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  // SQLite may find damage long after the file opened: say what is wrong and how to restore, not a raw SqliteError.
  const failure = isDamagedDatabase(error)
    ? new StoreDamagedError({ path: "troupe.db in the data folder", detail: (error as Error).message })
    : error;
  console.error(redactSecrets(describeFailure(failure, process.env.LOG_LEVEL)));
  process.exitCode = 1;
}

/** One line for the user; the stack of an unexpected error only at `LOG_LEVEL=debug` (or trace). */
function describeFailure(error: unknown, level: string | undefined): string {
  if (TroupeError.isInstance(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if ((level === "debug" || level === "trace") && error instanceof Error && error.stack) return error.stack;
  return `troupe failed: ${message} (LOG_LEVEL=debug shows where)`;
}
