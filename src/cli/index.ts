/** The `troupe` command line: start, chat, validate and new. */
export { createProgram, runProgram } from "./program.js";
