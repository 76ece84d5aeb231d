import { request } from "node:http";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { type RunningServer, ServeError, serve } from "../../src/server/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const tempDir = useTempDir();
const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
});

let lastDataDir = "";

async function startApi(options: { token?: string; allowedHosts?: string[]; maxBodyBytes?: number } = {}) {
  lastDataDir = tempDir();
  const troupe = await Troupe.start([join(import.meta.dirname, "../../characters/host.json")], {
    dataDir: lastDataDir,
    logger,
  });
  running.push(() => troupe.stop());
  const server: RunningServer = await serve(troupe, { host: "127.0.0.1", port: 0, ...options });
  running.push(() => server.close());
  return server;
}

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Written in pieces without a content-length (chunked) when an array. */
  body?: string | string[];
}

/** One HTTP request through node:http, which (unlike fetch) lets a test set any Host header. */
function send(server: RunningServer, sent: Sent): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: sent.method ?? "POST",
        path: sent.path ?? "/agents/juno/messages",
        headers: sent.headers,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => done({ status: response.statusCode ?? 0, body }));
      },
    );
    // The server may answer 413 and close before a large body is written; that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : fail(error),
    );
    for (const piece of [sent.body ?? []].flat()) req.write(piece);
    req.end();
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const hello = JSON.stringify({ user: "ada", text: "Hello!" });

describe("the HTTP API facing a hostile web page or client", () => {
  it("refuses a body that is not declared as JSON, such as a text/plain form post (CSRF)", async () => {
    const server = await startApi();
    const plain = await send(server, { headers: { "content-type": "text/plain" }, body: hello });
    expect(plain.status).toBe(415);
    const form = await send(server, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: hello });
    expect(form.status).toBe(415);
    const json = await send(server, { headers: { "content-type": "application/json; charset=utf-8" }, body: hello });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body).reply).toEqual(expect.any(String));
  });

  it("refuses a Host header that does not name this server (DNS rebinding), unless allowed", async () => {
    const server = await startApi();
    for (const host of ["evil.example.com", "evil.example.com:3000", "127.0.0.1.evil.example.com"]) {
      expect((await send(server, { method: "GET", path: "/health", headers: { host } })).status).toBe(403);
    }
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send(server, { method: "GET", path: "/health", headers: { host } })).status).toBe(200);
    }
    const proxied = await startApi({ allowedHosts: ["bots.example.org"] });
    const allowed = await send(proxied, { method: "GET", path: "/health", headers: { host: "bots.example.org" } });
    expect(allowed.status).toBe(200);
  });

  it("answers 413 to a body over the limit, declared by content-length or streamed without one", async () => {
    const server = await startApi({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ user: "ada", text: "x".repeat(4096) });
    expect((await send(server, { headers: JSON_TYPE, body: big })).status).toBe(413);
    const streamed = await send(server, { headers: JSON_TYPE, body: [big.slice(0, 2000), big.slice(2000)] });
    expect(streamed.status).toBe(413);
    expect((await send(server, { headers: JSON_TYPE, body: [hello.slice(0, 10), hello.slice(10)] })).status).toBe(200);
  });

  it("refuses to bind beyond loopback without TROUPE_API_TOKEN", async () => {
    const troupe = await Troupe.start([join(import.meta.dirname, "../../characters/host.json")], {
      dataDir: tempDir(),
      logger,
    });
    running.push(() => troupe.stop());
    const bound = serve(troupe, { host: "0.0.0.0", port: 0 });
    await expect(bound).rejects.toThrow(ServeError);
    await expect(bound).rejects.toThrow(/0\.0\.0\.0.*TROUPE_API_TOKEN/);
  });

  it("asks for the bearer token on every route but /health when one is set", async () => {
    const token = "tok-3f9a7c1d2e";
    const server = await startApi({ token });
    expect((await send(server, { headers: JSON_TYPE, body: hello })).status).toBe(401);
    const wrong = { ...JSON_TYPE, authorization: "Bearer tok-3f9a7c1d2f" };
    expect((await send(server, { headers: wrong, body: hello })).status).toBe(401);
    const right = { ...JSON_TYPE, authorization: `Bearer ${token}` };
    expect((await send(server, { headers: right, body: hello })).status).toBe(200);
    expect((await send(server, { method: "GET", path: "/health" })).status).toBe(200);
  });
});

describe("user names that reach the HTTP API", () => {
  it("are stored and echoed without terminal escapes, direction overrides or lone surrogates", async () => {
    const server = await startApi();
    const user = "Ada\u001b]0;pwned\u0007\u202e\ud800";
    const sent = await send(server, {
      headers: JSON_TYPE,
      body: JSON.stringify({ user, text: "Hi! My name is Ada." }),
    });
    expect(sent.status).toBe(200);
    expect(sent.body).not.toMatch(/\\u001b|\\u0007|\\u202e|\\ud800/i);
    const db = new Database(join(lastDataDir, "troupe.db"), { readonly: true });
    const names = db.prepare("SELECT DISTINCT user_name FROM messages WHERE role = 'user'").pluck().all();
    db.close();
    expect(names).toEqual(["Ada ]0;pwned \ufffd"]);
    const blank = await send(server, {
      headers: JSON_TYPE,
      body: JSON.stringify({ user: "\u001b\u202e ", text: "hi" }),
    });
    expect(blank.status).toBe(400);
  });
});
