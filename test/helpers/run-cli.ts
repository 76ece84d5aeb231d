import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

/** The bundled `troupe` command (`npm test` bundles it first). */
export const BIN = resolve(import.meta.dirname, "../../dist/cli/bin.js");
export const REPO = resolve(import.meta.dirname, "../..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `troupe <args>` to completion with `input` on standard input. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return runNode(REPO, [BIN, ...args], options);
}

/** Runs `node <args>` in `cwd` to completion with `input` on standard input. */
export function runNode(
  cwd: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawnNode(cwd, args, options.env);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** Node in `cwd` with the test environment: quiet logs unless a test asks otherwise. */
function spawnNode(cwd: string, args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, args, { cwd, env: { ...process.env, LOG_LEVEL: "warn", ...env } });
}

/** Starts `troupe <args>` and resolves once a line of standard output matches `ready`. */
export function startCli(
  args: string[],
  ready: RegExp,
  options: { env?: Record<string, string> } = {},
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string; errors: () => string }> {
  return new Promise((done, fail) => {
    const child = spawnNode(REPO, [BIN, ...args], options.env);
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = stdout.match(ready);
      if (match) done({ child, match, output: () => stdout, errors: () => stderr });
    });
    child.on("close", (code) =>
      fail(new Error(`troupe exited with ${code} before it was ready:\n${stdout}\n${stderr}`)),
    );
  });
}
