import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpConnector } from "../../../src/connectors/index.js";
import { Troupe } from "../../../src/runtime/index.js";
import { type RunningServer, serve } from "../../../src/server/index.js";
import { eventually } from "../../bus/transport/bus-contract.js";
import { useTempDir } from "../../helpers/temp-dir.js";

/** The demo host, Juno, who loads the reminders plugin. */
const JUNO = resolve(import.meta.dirname, "../../../characters/host.json");

describe("collecting proactive messages over HTTP", () => {
  const tempDir = useTempDir();
  const running: { troupe: Troupe; server: RunningServer }[] = [];
  afterEach(async () => {
    for (const { troupe, server } of running.splice(0)) {
      await server.close();
      await troupe.stop();
    }
  });

  async function startApi(dataDir: string, logged: string[] = []) {
    const logger = pino(
      { level: "debug" },
      new Writable({
        write(chunk, _encoding, done) {
          logged.push(String(chunk));
          done();
        },
      }),
    );
    const troupe = await Troupe.start([JUNO], { dataDir, logger, env: {} });
    const http = createHttpConnector();
    await troupe.connect(http);
    const server = await serve(troupe, { host: "127.0.0.1", port: 0, http });
    running.push({ troupe, server });
    return { base: `${server.url}/agents/juno`, http };
  }

  const statuses = (dataDir: string) => {
    const db = new Database(join(dataDir, "troupe.db"), { readonly: true });
    const found = db.prepare("SELECT status FROM reminders ORDER BY id").pluck().all();
    db.close();
    return found;
  };

  it("keeps a due reminder pending until its user collects it, then hands it over once", async () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const { base, http } = await startApi(dataDir, logged);
    expect(http.connectedAs()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const set = await fetch(`${base}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "ada", text: "remind me in 1 second to stretch" }),
    });
    expect(((await set.json()) as { reply: string }).reply).toContain("I'll remind you to stretch");

    // Due, offered, and nobody was asking: it waits.
    await eventually(() => expect(logged.some((line) => line.includes("reminder waits"))).toBe(true));
    expect(statuses(dataDir)).toEqual(["pending"]);
    const someoneElse = await fetch(`${base}/users/bob/messages`);
    expect(await someoneElse.json()).toEqual({ messages: [] });
    expect(statuses(dataDir)).toEqual(["pending"]);

    const collected = await fetch(`${base}/users/ada/messages`);
    expect(await collected.json()).toEqual({
      messages: [{ text: "⏰ ada, here's your reminder: stretch", source: "reminders" }],
    });
    expect(statuses(dataDir)).toEqual(["delivered"]);
    expect(await (await fetch(`${base}/users/ada/messages`)).json()).toEqual({ messages: [] });
  });

  it("holds a request open with ?wait until a reminder falls due", async () => {
    const { base } = await startApi(tempDir());
    await fetch(`${base}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "ada", text: "remind me in 1 second to stretch" }),
    });
    const collected = await fetch(`${base}/users/ada/messages?wait=20`);
    const { messages } = (await collected.json()) as { messages: { text: string }[] };
    expect(messages.map((message) => message.text)).toEqual(["⏰ ada, here's your reminder: stretch"]);
  });

  it("refuses a bad wait, an unknown agent and a blank user with one clear line", async () => {
    const { base } = await startApi(tempDir());
    const badWait = await fetch(`${base}/users/ada/messages?wait=forever`);
    expect(badWait.status).toBe(400);
    expect(await badWait.json()).toEqual({ error: "wait must be a whole number of seconds from 0 to 60." });
    expect((await fetch(`${base}/users/ada/messages?wait=61`)).status).toBe(400);
    const unknown = await fetch(`${base.replace(/juno$/, "nobody")}/users/ada/messages`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "No agent named nobody." });
    expect((await fetch(`${base}/users/%20/messages`)).status).toBe(400);
  });
});
