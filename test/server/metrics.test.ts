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

async function startApi(files: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const troupe = await Troupe.start(files, { dataDir: tempDir(), logger, env });
  running.push(() => troupe.stop());
  const server = await serve(troupe, { host: "127.0.0.1", port: 0 });
  running.push(() => server.close());
  return server;
}

/** The scraped samples: `name{labels}` → value, labels as Prometheus writes them. */
async function scrape(server: RunningServer): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    const match = /^([a-z_:]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) samples.set(match[1] as string, Number(match[2]));
  }
  return samples;
}

/** How much each named sample moved between two scrapes (absent counts as 0). */
function moved(before: Map<string, number>, after: Map<string, number>, name: string): number {
  return (after.get(name) ?? 0) - (before.get(name) ?? 0);
}

async function say(server: RunningServer, agent: string, text: string): Promise<string> {
  const response = await fetch(`${server.url}/agents/${agent}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: "Ada", text }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: string }).reply;
}

describe("GET /metrics and the rate limit", () => {
  it("counts the messages the rate limit turned away apart from those the pipeline took", async () => {
    const server = await startApi(["characters/host.json"], { TROUPE_RATE_LIMIT: "2/60s" });
    for (const text of ["one", "two", "three", "four"]) await say(server, "juno", `message ${text}`);
    const after = await scrape(server);
    // Two within the limit reach the pipeline; the third is refused once, the fourth dropped.
    expect(after.get('troupe_messages_received_total{agent="Juno",platform="http"}')).toBe(2);
    expect(after.get('troupe_messages_rate_limited_total{agent="Juno",platform="http"}')).toBe(2);
  });
});

describe("GET /metrics", () => {
  it("moves the counters by what a conversation did: messages, replies, model calls, memories, delegated tasks", async () => {
    const server = await startApi(["characters/host.json", "characters/researcher.json"]);
    const before = await scrape(server);
    await say(server, "juno", "What do you like to do on a rainy afternoon?");
    await say(server, "juno", "Tell me something about the sea.");
    const helped = await say(server, "juno", "Can you research when penicillin was discovered?");
    expect(helped).toContain("Theo helped");
    const after = await scrape(server);

    const juno = 'agent="Juno",platform="http"';
    const theo = 'agent="Theo",platform="bus"';
    expect(moved(before, after, `troupe_messages_received_total{${juno}}`)).toBe(3);
    expect(moved(before, after, `troupe_messages_replied_total{${juno}}`)).toBe(3);
    expect(moved(before, after, `troupe_reply_duration_seconds_count{${juno}}`)).toBe(3);
    // The research question reached Theo over the bus as one task.
    expect(moved(before, after, `troupe_messages_received_total{${theo}}`)).toBe(1);
    expect(moved(before, after, 'troupe_bus_tasks{state="succeeded"}')).toBe(1);
    expect(after.get('troupe_bus_tasks{state="failed"}')).toBe(0);
    // One model call per plain message; the delegating one takes two (the tool call, then the answer with its result).
    expect(moved(before, after, 'troupe_model_calls_total{agent="Juno",model="chat"}')).toBe(4);
    expect(moved(before, after, 'troupe_model_calls_total{agent="Theo",model="chat"}')).toBe(1);
    expect(moved(before, after, 'troupe_model_errors_total{agent="Juno",model="chat"}')).toBe(0);
    expect(
      moved(before, after, 'troupe_model_tokens_total{agent="Juno",model="chat",direction="input"}'),
    ).toBeGreaterThan(0);
    // Each answered message leaves two long-term memories: what the user said and the reply.
    expect(moved(before, after, 'troupe_memories{agent="Juno"}')).toBe(6);
    expect(moved(before, after, 'troupe_memories{agent="Theo"}')).toBe(2);
    expect(moved(before, after, 'troupe_recall_duration_seconds_count{agent="Juno"}')).toBe(3);
    expect(after.get("process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("keeps one registry per troupe: two troupes in one process count apart", async () => {
    const first = await startApi(["characters/host.json"]);
    const second = await startApi(["characters/writer.json"]);
    await say(first, "juno", "Hello!");
    const [one, two] = [await scrape(first), await scrape(second)];
    expect(one.get('troupe_messages_received_total{agent="Juno",platform="http"}')).toBe(1);
    expect([...two.keys()].some((name) => name.includes('agent="Juno"'))).toBe(false);
    expect([...one.keys()].some((name) => name.includes('agent="Wren"'))).toBe(false);
    expect(two.has('troupe_memories{agent="Wren"}')).toBe(true);
  });
});
