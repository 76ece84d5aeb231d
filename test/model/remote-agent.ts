import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { type Character, loadCharacter } from "../../src/character/index.js";
import { Agent, type InboundMessage } from "../../src/index.js";
import { createEmbedder } from "../../src/memory/index.js";
import { CircuitBreakers, createModels } from "../../src/model/index.js";
import type { Action } from "../../src/plugins/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import type { FakeOpenAIServer } from "../fakes/openai-server.js";

/** A logger whose JSON lines are kept in `lines`, to check what a user would read in the logs. */
export function captureLogs(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

/** The environment that points Troupe at the fake server, with short timeouts for tests. */
export function fakeEnv(fake: FakeOpenAIServer, extra: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "test-key", TROUPE_MODEL_TIMEOUT_MS: "3000", ...extra };
}

/** Juno (the demo host) running on the fake server through the real LangChain OpenAI client. */
export async function createRemoteAgent(
  dataDir: string,
  fake: FakeOpenAIServer,
  options: {
    env?: Record<string, string>;
    actions?: Action[];
    breakers?: CircuitBreakers;
    logger?: Logger;
    character?: (character: Character) => Character;
  } = {},
): Promise<Agent> {
  const loaded = (await loadCharacter("characters/host.json")).character;
  const character = options.character ? options.character(loaded) : loaded;
  const logger = options.logger ?? pino({ level: "silent" });
  const models = await createModels(character, fakeEnv(fake, options.env), {
    breakers: options.breakers ?? new CircuitBreakers(),
    logger,
    schedule: { baseDelayMs: 5, maxDelayMs: 5000 },
  });
  const agent = new Agent({
    character,
    db: openTroupeStore({ dataDir }),
    chat: models.chat,
    guard: models.guard,
    fallback: models.fallback,
    usage: models.usage,
    embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
    logger,
    actions: options.actions,
  });
  await agent.start();
  return agent;
}

/** A direct message from Ada in `room`. */
export function direct(text: string, room = "dm-ada"): InboundMessage {
  return { platform: "test", room: { id: room, kind: "direct" }, user: { id: "ada", name: "Ada" }, text };
}
