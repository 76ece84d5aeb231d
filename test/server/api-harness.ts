import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { type RunningServer, serve } from "../../src/server/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

/** A small character file's content: a name, a bio, and optional capabilities. */
export function characterJson(name: string, bio: string, capabilities: { name: string; description: string }[] = []) {
  return JSON.stringify({ name, bio: [bio], capabilities });
}

/** A running troupe behind the HTTP API on a free port, with its character files in a temporary folder. */
export interface ApiFixture {
  troupe: Troupe;
  server: RunningServer;
  dir: string;
  /** Path of the character file named `<file>.json` in `dir`. */
  file(name: string): string;
  /** fetch against the server, JSON content type set, bearer token when the fixture has one. */
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/**
 * Registers the clean-up and returns `startApi`: it writes the character files given
 * (`{ juno: characterJson(...) }` → `juno.json`) and workflows (`workflows/<name>.json`), starts a troupe on
 * them and serves the API.
 */
export function useApi(): (
  files: Record<string, string>,
  options?: { token?: string; maxBodyBytes?: number; workflows?: Record<string, unknown> },
) => Promise<ApiFixture> {
  const tempDir = useTempDir();
  const running: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of running.splice(0).reverse()) await stop();
  });
  return async (files, options = {}) => {
    const dir = tempDir();
    const paths = Object.entries(files).map(([name, content]) => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, content);
      return path;
    });
    const { workflows = {}, ...served } = options;
    const workflowsDir = join(dir, "workflows");
    mkdirSync(workflowsDir);
    for (const [name, workflow] of Object.entries(workflows)) {
      writeFileSync(join(workflowsDir, `${name}.json`), JSON.stringify(workflow));
    }
    const troupe = await Troupe.start(paths, { dataDir: join(dir, "data"), logger: createLogger({ level: "silent" }) });
    running.push(() => troupe.stop());
    const server = await serve(troupe, { host: "127.0.0.1", port: 0, workflowsDir, ...served });
    running.push(() => server.close());
    return {
      troupe,
      server,
      dir,
      file: (name) => join(dir, `${name}.json`),
      call: (path, init = {}) => {
        const { json, headers, ...rest } = init;
        return fetch(`${server.url}${path}`, {
          method: json === undefined ? (rest.method ?? "GET") : (rest.method ?? "POST"),
          ...rest,
          headers: {
            "content-type": "application/json",
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(headers as Record<string, string> | undefined),
          },
          body: json === undefined ? rest.body : JSON.stringify(json),
        });
      },
    };
  };
}
