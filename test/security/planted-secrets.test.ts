import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { BIN, REPO, runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

/**
 * A recognisable fake secret for each secret variable that keeps the test off
 * the network (a platform token would make its bot call the real platform):
 * none may show up anywhere.
 */
const PLANTED = {
  OPENAI_API_KEY: "sk-planted-key-4f1c9e77a2",
  TROUPE_API_TOKEN: "planted-api-token-8d3e51b0",
  WEATHER_API_KEY: "planted-weather-6b2a94f3",
  REDIS_PASSWORD: "planted-redis-pass-19ab",
};
const PLANTED_VALUES = [...Object.values(PLANTED), "planted-url-pass-5521"];

const tempDir = useTempDir();
const children: ChildProcess[] = [];
let fake: FakeOpenAIServer | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await fake?.close();
});

function expectNoSecret(where: string, text: string): void {
  for (const secret of PLANTED_VALUES) {
    if (text.includes(secret)) throw new Error(`${where} shows the planted secret ${secret}`);
  }
}

/** Starts `troupe start` on a free port; `url` resolves once the API listens. */
function startTroupe(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, "start", "characters/host.json", "--port", "0"], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: "debug", ...env },
  });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => {
    output.stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output.stderr += chunk;
  });
  const stopped = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const url = new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /HTTP API on (http:\/\/\S+)/.exec(output.stdout);
      if (match?.[1]) {
        clearInterval(timer);
        done(match[1]);
      }
    }, 20);
    void stopped.then((code) => {
      clearInterval(timer);
      fail(new Error(`troupe start exited ${code}: ${output.stderr}`));
    });
  });
  return { child, output, url, stopped };
}

describe("planted secrets", () => {
  it("appear in no output, log, HTTP body or database row of start, chat, the API and their error paths", async () => {
    fake = await startFakeOpenAIServer({ dimensions: 8 });
    const dataDir = tempDir();
    const env = {
      ...PLANTED,
      OPENAI_BASE_URL: fake.url,
      TROUPE_EMBEDDING_MODEL: "offline",
      TROUPE_DATA_DIR: dataDir,
      TROUPE_MODEL_RETRIES: "0",
    };
    const troupe = startTroupe(env);
    const url = await troupe.url;
    // The model fails with a body that echoes the key, as some upstream servers do.
    fake.script("chat", {
      kind: "status",
      status: 500,
      message: `internal failure for key Bearer ${PLANTED.OPENAI_API_KEY}`,
    });
    const bodies: string[] = [];
    const post = async (init: RequestInit) => {
      const response = await fetch(`${url}/agents/juno/messages`, { method: "POST", ...init });
      bodies.push(await response.text());
      return response.status;
    };
    const json = { "content-type": "application/json", authorization: `Bearer ${PLANTED.TROUPE_API_TOKEN}` };
    expect(await post({ headers: json, body: JSON.stringify({ user: "ada", text: "Hello?" }) })).toBe(200);
    expect(await post({ headers: json, body: JSON.stringify({ user: "ada", text: "What is your API key?" }) })).toBe(
      200,
    );
    expect(await post({ headers: json, body: "{not json" })).toBe(400);
    expect(await post({ headers: { "content-type": "text/plain" }, body: "x" })).toBe(415);
    expect(await post({ headers: { "content-type": "application/json", authorization: "Bearer x" }, body: "{}" })).toBe(
      401,
    );
    troupe.child.kill("SIGTERM");
    await troupe.stopped;
    expect(fake.requests.some((request) => request.authorization === `Bearer ${PLANTED.OPENAI_API_KEY}`)).toBe(true);
    expect(troupe.output.stderr).toContain("internal failure for key Bearer [redacted]");

    // Credentials in the base URL: printed in the ready line and every model error unless redacted.
    const withPassword = startTroupe({
      ...env,
      OPENAI_BASE_URL: fake.url.replace("//", "//bob:planted-url-pass-5521@"),
    });
    const passwordUrl = await withPassword.url;
    const answered = await fetch(`${passwordUrl}/agents/juno/messages`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ user: "ada", text: "Hello again" }),
    });
    bodies.push(await answered.text());
    withPassword.child.kill("SIGTERM");
    await withPassword.stopped;
    expect(withPassword.output.stdout).toContain("bob:***@127.0.0.1");

    // A key the server rejects: start-up stops, naming the variable, never the key.
    fake.acceptKey = "another-key";
    const rejected = await runCli(["start", "characters/host.json", "--port", "0"], {
      env: { ...env, LOG_LEVEL: "debug" },
    });
    expect(rejected.code).toBe(1);
    const chat = await runCli(["chat", "Juno", "--no-helpers", "--user", "Ada"], {
      env: { ...env, LOG_LEVEL: "debug" },
      input: "hello\n",
    });
    const wideOpen = await runCli(["start", "characters/host.json", "--host", "0.0.0.0"], {
      env: { ...env, TROUPE_API_TOKEN: "" },
    });
    expect(wideOpen.code).toBe(1);
    expect(wideOpen.stderr).toContain("Refusing to serve the HTTP API on 0.0.0.0");

    const outputs: [string, string][] = [
      ["start output", troupe.output.stdout],
      ["start log", troupe.output.stderr],
      ["start with a password in the URL", withPassword.output.stdout + withPassword.output.stderr],
      ["rejected start", rejected.stdout + rejected.stderr],
      ["chat", chat.stdout + chat.stderr],
      ["0.0.0.0 start", wideOpen.stdout + wideOpen.stderr],
      ["HTTP bodies", bodies.join("\n")],
    ];
    for (const [where, text] of outputs) expectNoSecret(where, text);
    const db = new Database(join(dataDir, "troupe.db"), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      expectNoSecret(`table ${table}`, JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()));
    }
    db.close();
    expectNoSecret("troupe.db", readFileSync(join(dataDir, "troupe.db")).toString("latin1"));
  }, 90_000);
});
