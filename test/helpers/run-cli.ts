import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { afterAll } from "vitest";

/** The bundled `troupe` command (`npm test` bundles it first). */
export const BIN = resolve(import.meta.dirname, "../../dist/cli/bin.js");
export const REPO = resolve(import.meta.dirname, "../..");

/** The children this test file started that are still running. */
const running = new Set<ChildProcessWithoutNullStreams>();

// A test that fails or times out before it stops its child (a start whose ready line never comes, an assertion
// before the `finally`) must not leave `troupe start` running after its file, holding a port and a data folder.
afterAll(async () => {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    }),
  );
});

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

/**
 * Node in `cwd` with the test environment: quiet logs unless a test asks otherwise. A child still running when
 * the test file ends is killed then.
 */
export function spawnNode(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, LOG_LEVEL: "warn", ...env } });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
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
    child.on("error", fail);
    child.on("close", (code) =>
      fail(new Error(`troupe exited with ${code} before it was ready:\n${stdout}\n${stderr}`)),
    );
  });
}
