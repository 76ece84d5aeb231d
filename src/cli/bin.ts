#!/usr/bin/env node
import { config as loadDotenv } from "dotenv";
import { TroupeError } from "../errors/index.js";
import { runProgram } from "./program.js";

loadDotenv({ quiet: true });

try {
  const code = await runProgram(process.argv);
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  // Known errors are one clear message; anything else is a bug worth a stack trace.
  console.error(
    TroupeError.isInstance(error)
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
  process.exitCode = 1;
}
