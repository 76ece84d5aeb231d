import { randomUUID } from "node:crypto";
import { join } from "node:path";
import {
  Agent,
  type BaseChatModel,
  characterSchema,
  createLogger,
  type InboundMessage,
  OfflineEmbeddings,
  type Store,
} from "troupe";
// The one file, not the folder's index: that would bundle a second copy of the memory code and what it imports.
import { createEmbedder } from "../src/memory/embedder.js";

const embeddings = new OfflineEmbeddings({ dimensions: 384 });
const embedder = createEmbedder(embeddings, { model: "troupe-offline-hash-v1", dimensions: 384 });

/**
 * A small benchmark character on `chat` (an instant or slow stub) with the
 * offline embeddings, on a shared store: what `Troupe.start` builds for one
 * character, minus connecting a model server. Call `start()` before use.
 */
export function createBenchAgent(options: { db: Store; dataDir: string; name: string; chat: BaseChatModel }): Agent {
  const { db, dataDir, name, chat } = options;
  const character = characterSchema.parse({
    name,
    username: name.toLowerCase(),
    bio: [`${name} is a small benchmark character.`, "Friendly and brief."],
    system: `You are ${name}, a concise assistant.`,
    adjectives: ["brief", "friendly"],
    topics: ["benchmarks"],
    messageExamples: [
      [
        { user: "{{user}}", text: "Hi!" },
        { user: name, text: "Hello there." },
      ],
    ],
    style: { all: ["short answers"], chat: ["friendly"] },
    source: { file: join(dataDir, `${name}.json`), dialect: "troupe" },
  });
  return new Agent({
    character,
    db,
    chat,
    embedder,
    logger: createLogger({ level: "silent" }),
    indexDir: join(dataDir, "index"),
  });
}

/** A direct message from one user in their own room, with a platform message id, as a connector hands it in. */
export function directMessage(userKey: string, text: string): InboundMessage {
  return {
    platform: "bench",
    id: randomUUID(),
    room: { id: `bench-dm-${userKey}`, kind: "direct" },
    user: { id: `bench-user-${userKey}`, name: `User ${userKey}` },
    text,
    receivedAt: Date.now(),
  };
}
