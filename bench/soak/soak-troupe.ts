import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What `troupe start` is given: its arguments after `start`, and its environment. */
export interface SoakTroupeOptions {
  repo: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * The `troupe start` process under soak: started, killed with SIGKILL and
 * started again on the same port and data folder (as a crash and a
 * supervisor's restart), and stopped. Counts its error lines and unhandled
 * rejections across restarts.
 */
export class SoakTroupe {
  readonly stderr = { errors: 0, unhandled: 0 };
  /** The first few distinct error messages it logged, for the report. */
  readonly errorMessages: string[] = [];
  /** False from a kill until the restarted process is ready again. */
  up = false;
  api = "";
  private child: ChildProcess | undefined;

  constructor(private readonly options: SoakTroupeOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves with the API's base URL once it serves. */
  async start(port = 0): Promise<string> {
    const { repo, args, env } = this.options;
    const child = spawn(process.execPath, [join(repo, "dist/cli/bin.js"), "start", ...args, "--port", String(port)], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stderr?.on("data", (chunk: Buffer) => {
      for (const line of String(chunk).split("\n")) {
        if (/"level":(50|60)/.test(line)) this.noteError(line);
        if (/unhandled/i.test(line)) this.stderr.unhandled++;
      }
    });
    this.api = await apiOf(child);
    await this.ready();
    this.up = true;
    return this.api;
  }

  /** Waits (up to 30 s) for `/ready`: every connector's gateway open, so a message written now reaches the troupe. */
  private async ready(): Promise<void> {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const status = await fetch(`${this.api}/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL, then a start on the same port after `downMs`. */
  async killAndRestart(downMs: number): Promise<void> {
    this.up = false;
    await this.signal("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.start(Number(new URL(this.api).port));
  }

  /** A clean stop (SIGTERM), which saves the index files. */
  stop(): Promise<void> {
    this.up = false;
    return this.signal("SIGTERM");
  }

  /** Resident memory now, in bytes (Linux: /proc/<pid>/status); 0 while down. */
  rss(): number {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, "utf8"));
      return Number(match?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  }

  private noteError(line: string): void {
    this.stderr.errors++;
    const message = /"msg":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? line.slice(0, 200);
    if (this.errorMessages.length < 5 && !this.errorMessages.includes(message)) this.errorMessages.push(message);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }
}

/** Resolves with the API's base URL once `troupe start` prints it; rejects if the troupe exits first. */
function apiOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /HTTP API on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`troupe start exited with ${code}: ${output}`)));
  });
}
