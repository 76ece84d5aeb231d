import { afterEach, describe, expect, it } from "vitest";
import { BusNode, InProcessBus } from "../../src/bus/index.js";
import type { Connector } from "../../src/connectors/index.js";
import { CONNECTOR_API_VERSION } from "../../src/connectors/index.js";
import { Agent, createLogger, createModels, loadCharacter, Troupe } from "../../src/index.js";
import { createEmbedder } from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { type RunningServer, serve } from "../../src/server/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const tempDir = useTempDir();
const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
});

async function get(server: RunningServer, path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A platform connector whose connection can drop, as a bot's gateway does. */
function flakyConnector(): Connector & { down?: string } {
  const connector: Connector & { down?: string } = {
    apiVersion: CONNECTOR_API_VERSION,
    platform: "flaky",
    start: async () => {},
    stop: async () => {},
    deliver: async () => false,
    connectedAs: () => "@flaky_bot",
    readiness: () => (connector.down ? { ready: false, reason: connector.down } : { ready: true }),
  };
  return connector;
}

describe("GET /ready", () => {
  it("answers 200 when every part is ready, 503 naming the part and its reason when one is not", async () => {
    const troupe = await Troupe.start(["characters/host.json", "characters/writer.json"], {
      dataDir: tempDir(),
      logger,
    });
    running.push(() => troupe.stop());
    const flaky = flakyConnector();
    await troupe.connect(flaky);
    const server = await serve(troupe, { host: "127.0.0.1", port: 0 });
    running.push(() => server.close());

    expect(await get(server, "/ready")).toEqual({
      status: 200,
      body: {
        ready: true,
        agents: [
          { name: "Juno", ready: true },
          { name: "Wren", ready: true },
        ],
        connectors: [
          { platform: "flaky", ready: true },
          { platform: "http", ready: true },
        ],
        bus: { ready: true },
      },
    });

    // What reliab's index rebuild reports: one agent not ready, the others untouched.
    troupe.agent("Wren")?.notReady.add("index", "index rebuilding");
    const rebuilding = await get(server, "/ready");
    expect(rebuilding.status).toBe(503);
    expect(rebuilding.body.ready).toBe(false);
    expect(rebuilding.body.agents).toEqual([
      { name: "Juno", ready: true },
      { name: "Wren", ready: false, reason: "index rebuilding" },
    ]);
    // Liveness is another question: the process still answers.
    expect((await get(server, "/health")).status).toBe(200);

    troupe.agent("Wren")?.notReady.remove("index");
    flaky.down = "gateway disconnected";
    const disconnected = await get(server, "/ready");
    expect(disconnected.status).toBe(503);
    expect(disconnected.body.connectors).toContainEqual({
      platform: "flaky",
      ready: false,
      reason: "gateway disconnected",
    });

    flaky.down = undefined;
    expect((await get(server, "/ready")).status).toBe(200);
  });

  it("is not ready while an agent is still starting, nor from the moment the troupe begins to stop", async () => {
    const { character } = await loadCharacter("characters/writer.json");
    const models = await createModels(character);
    const wren = new Agent({
      character,
      db: openTroupeStore({ dataDir: tempDir() }),
      chat: models.chat,
      embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
      logger,
    });
    expect(wren.readiness()).toEqual({ ready: false, reason: "starting" });
    await wren.start();
    expect(wren.readiness()).toEqual({ ready: true });
    await wren.stop();

    const troupe = await Troupe.start(["characters/host.json"], { dataDir: tempDir(), logger });
    const juno = troupe.agent("Juno");
    expect(troupe.readiness().ready).toBe(true);
    const stopping = troupe.stop();
    expect(juno?.readiness()).toEqual({ ready: false, reason: "stopping" });
    expect(troupe.readiness().ready).toBe(false);
    await stopping;
  });
});

describe("the bus node's readiness", () => {
  it("is not ready before start and after close, and passes on what the bus says of itself", async () => {
    const inner = new InProcessBus();
    let status = { ready: true } as { ready: boolean; reason?: string };
    // A bus that can tell when its server is unreachable, as the Redis bus does.
    const bus = Object.assign(Object.create(inner) as InProcessBus, { status: () => status });
    const node = await BusNode.connect({ bus });
    expect(node.readiness()).toEqual({ ready: false, reason: "the bus node has not started" });
    await node.start();
    expect(node.readiness()).toEqual({ ready: true });
    status = { ready: false, reason: "Redis at redis://127.0.0.1:6379 is unreachable: ECONNREFUSED" };
    expect(node.readiness()).toEqual(status);
    await node.close();
    expect(node.readiness()).toEqual({ ready: false, reason: "the bus node is closed" });
  });
});
