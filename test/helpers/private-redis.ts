import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

/**
 * A redis-server of the test's own on a free port, which the test may kill
 * and start again, with or without its data. The shared Redis on 6379 is
 * never restarted: other test files use it.
 */
export class PrivateRedis {
  readonly port: number;
  private readonly dir = mkdtempSync(join(tmpdir(), "troupe-redis-"));
  private server: ChildProcess | undefined;

  private constructor(port: number) {
    this.port = port;
  }

  /** Starts a server with no persistence of its own (it saves only when `restart({ keepData: true })` asks). */
  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Kills the server (SIGKILL, as a crash) and starts it again on the same
   * port: with `keepData`, from a snapshot taken just before (as a Redis with
   * persistence comes back); without, empty (a cache-only Redis, a failover).
   */
  async restart(options: { keepData: boolean; downMs?: number }): Promise<void> {
    if (options.keepData) await this.command((client) => client.save());
    await this.kill();
    if (!options.keepData) rmSync(join(this.dir, "dump.rdb"), { force: true });
    if (options.downMs) await new Promise((resolve) => setTimeout(resolve, options.downMs));
    await this.launch();
  }

  /** Kills the server as a crash would. */
  async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await exited;
  }

  /** Starts the server (again) on its port, from the snapshot in its folder if there is one. */
  async launch(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const server = spawn("redis-server", [...args, "--dir", this.dir, "--dbfilename", "dump.rdb"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      server.stdout?.on("data", (chunk) => {
        output += chunk;
        if (output.includes("Ready to accept connections")) resolve();
      });
      server.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  }

  /** Stops the server and removes its folder. */
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async command<T>(run: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(this.url);
    try {
      return await run(client);
    } finally {
      client.disconnect();
    }
  }
}

/** A port nothing listens on now (the OS picks it; it is closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
