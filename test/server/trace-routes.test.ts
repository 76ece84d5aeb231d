import { afterEach, describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { type RunningServer, serve } from "../../src/server/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const tempDir = useTempDir();
const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
});

async function startApi(token?: string): Promise<{ troupe: Troupe; server: RunningServer }> {
  const troupe = await Troupe.start(["characters/host.json"], { dataDir: tempDir(), logger });
  running.push(() => troupe.stop());
  const server = await serve(troupe, { host: "127.0.0.1", port: 0, token });
  running.push(() => server.close());
  return { troupe, server };
}

async function getJson(server: RunningServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function direct(text: string) {
  return { platform: "test", room: { id: "dm-ada", kind: "direct" as const }, user: { id: "ada", name: "Ada" }, text };
}

describe("the trace routes", () => {
  it("lists an agent's recent traces newest first and shows one whole by id", async () => {
    const { troupe, server } = await startApi();
    await troupe.send("Juno", direct("Hi, I'm Ada!"));
    const second = await troupe.send("Juno", direct("What do you like to do?"));

    const list = await getJson(server, "/agents/juno/traces?limit=5");
    expect(list.status).toBe(200);
    const traces = list.body.traces as { id: string; text: string; agent: string; durationMs: number }[];
    expect(traces.map((trace) => trace.text)).toEqual(["What do you like to do?", "Hi, I'm Ada!"]);
    expect(traces[0]).toMatchObject({ id: second?.traceId, agent: "Juno", user: "Ada", room: "dm-ada" });
    expect(traces[0]).not.toHaveProperty("steps");

    const one = await getJson(server, `/traces/${second?.traceId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: second?.traceId, reply: second?.text, text: "What do you like to do?" });
    expect((one.body.steps as { name: string }[]).map((step) => step.name)).toContain("generate");
    expect((one.body.prompt as { totalTokens: number }).totalTokens).toBeGreaterThan(0);

    const newest = await getJson(server, "/agents/Juno/traces?limit=1");
    expect((newest.body.traces as unknown[]).length).toBe(1);
  });

  it("returns the trace id with a reply over HTTP, and the trace it names is that message's", async () => {
    const { server } = await startApi();
    const response = await fetch(`${server.url}/agents/juno/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "Ada", text: "Good morning!" }),
    });
    const body = (await response.json()) as { reply: string; traceId: string };
    expect(body.traceId).toMatch(/^[0-9a-f-]{36}$/);
    const trace = await getJson(server, `/traces/${body.traceId}`);
    expect(trace.body).toMatchObject({ text: "Good morning!", reply: body.reply, platform: "http", user: "Ada" });
  });

  it("answers 404 for an unknown agent or trace and 400 naming limit for a bad one", async () => {
    const { server } = await startApi();
    expect(await getJson(server, "/agents/nobody/traces")).toEqual({
      status: 404,
      body: { error: "No agent named nobody." },
    });
    const missing = await getJson(server, "/traces/not-a-trace");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/^No trace not-a-trace/);
    // Hostile ids: a path that climbs out, a long one, odd characters. Nothing but a lookup, and a short echo.
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "x".repeat(4000), "%00%0a%3Cscript%3E"]) {
      const hostile = await getJson(server, `/traces/${id}`);
      expect(hostile.status).toBe(404);
      expect(String(hostile.body.error).length).toBeLessThan(160);
    }
    for (const limit of ["abc", "0", "-3", "1.5", "99999999"]) {
      const bad = await getJson(server, `/agents/juno/traces?limit=${limit}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/^limit: /);
    }
  });

  it("asks for the API token on the traces too: they hold what users said", async () => {
    const { troupe, server } = await startApi("s3cret-token-for-traces");
    const reply = await troupe.send("Juno", direct("Hello there"));
    expect((await getJson(server, `/traces/${reply?.traceId}`)).status).toBe(401);
    expect((await getJson(server, "/agents/juno/traces")).status).toBe(401);
    const allowed = await getJson(server, `/traces/${reply?.traceId}`, {
      authorization: "Bearer s3cret-token-for-traces",
    });
    expect(allowed.status).toBe(200);
  });
});
