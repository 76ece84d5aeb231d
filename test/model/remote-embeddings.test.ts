import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import { connectModels, createModels, EmbeddingDimensionsError } from "../../src/model/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { fakeEnv } from "./remote-agent.js";

const logger = pino({ level: "silent" });
const juno = async () => (await loadCharacter("characters/host.json")).character;

describe("embeddings on an OpenAI-compatible server", () => {
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer({ dimensions: 8 });
  });
  afterEach(() => fake.close());

  const embeddingInputs = () =>
    fake.requests.filter((request) => request.endpoint === "embeddings").map((request) => request.body.input?.length);

  it("embeds in batches and asks for each distinct text only once", async () => {
    const env = fakeEnv(fake, { TROUPE_EMBEDDING_MODEL: "fake-embed", TROUPE_EMBEDDING_DIMENSIONS: "8" });
    const models = await createModels(await juno(), env);
    const texts = Array.from({ length: 150 }, (_, i) => `memory number ${i % 100}`);
    const vectors = await models.embeddings.embedDocuments(texts);
    expect(vectors).toHaveLength(150);
    expect(vectors[120]).toEqual(vectors[20]);
    expect(embeddingInputs()).toEqual([64, 36]);
    await models.embeddings.embedDocuments(["memory number 7", "memory number 99"]);
    expect(embeddingInputs()).toEqual([64, 36]);
  });

  it("refuses vectors of another length than the index, saying what to set", async () => {
    const env = fakeEnv(fake, { TROUPE_EMBEDDING_MODEL: "fake-embed", TROUPE_EMBEDDING_DIMENSIONS: "8" });
    const models = await createModels(await juno(), env);
    fake.script("embeddings", { kind: "embeddings", dimensions: 16 });
    const failure = models.embeddings.embedQuery("hello");
    await expect(failure).rejects.toBeInstanceOf(EmbeddingDimensionsError);
    await expect(failure).rejects.toThrow(/expects 8.*TROUPE_EMBEDDING_DIMENSIONS=16/);
  });

  it("learns the dimension from the server at start, and refuses a declared one that differs", async () => {
    const character = await juno();
    const learned = await connectModels(character, fakeEnv(fake, { TROUPE_EMBEDDING_MODEL: "fake-embed" }), { logger });
    expect(learned.dimensions).toBe(8);
    expect(learned.embeddingModel).toBe("fake-embed");
    const declared = fakeEnv(fake, { TROUPE_EMBEDDING_MODEL: "fake-embed", TROUPE_EMBEDDING_DIMENSIONS: "384" });
    await expect(connectModels(character, declared, { logger })).rejects.toThrow(
      /Juno: the embedding model fake-embed returned vectors of 8 dimensions, but the memory index expects 384/,
    );
  });

  it("keeps the offline embeddings when no embedding model is named for a compatible server", async () => {
    const models = await createModels(await juno(), fakeEnv(fake));
    expect(models.embeddingModel).toBe("troupe-offline-hash-v1");
    expect(models.embeddings.embedSync?.("hello")).toHaveLength(384);
    expect(models.description).toBe(`gpt-4o-mini at ${fake.url}, offline embeddings`);
  });
});
