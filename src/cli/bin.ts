#!/usr/bin/env node
import { config as loadDotenv } from "dotenv";
import { redactSecrets, rememberEnvSecrets, TroupeError } from "../errors/index.js";
import { isDamagedDatabase, StoreDamagedError } from "../store/index.js";
import { runProgram } from "./program.js";

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
