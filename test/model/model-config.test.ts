import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import {
  connectModels,
  createModels,
  MissingApiKeyError,
  ModelAuthError,
  ModelConfigError,
  resolveModelConfig,
} from "../../src/model/index.js";
import { unavailableReply } from "../../src/offline/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { captureLogs, createRemoteAgent, direct, fakeEnv } from "./remote-agent.js";

const logger = pino({ level: "silent" });
const juno = async () => (await loadCharacter("characters/host.json")).character;

describe("choosing a character's models", () => {
  it("uses the offline model when no key and no base URL are set", async () => {
    const models = await createModels(await juno(), {});
    expect(models.provider).toBe("offline");
    expect(models.description).toBe("offline model");
    expect(models.guard).toBeUndefined();
  });

  it("uses OpenAI with a key alone, and an OpenAI-compatible server with a base URL", async () => {
    const character = await juno();
    expect(resolveModelConfig(character, { OPENAI_API_KEY: "sk-test" })).toMatchObject({
      provider: "openai",
      chatModel: "gpt-4o-mini",
      embeddingModel: "text-embedding-3-small",
    });
    const ollama = { OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/", TROUPE_MODEL: "llama3.2" };
    expect(resolveModelConfig(character, ollama)).toMatchObject({
      provider: "openai-compatible",
      baseUrl: "http://127.0.0.1:11434/v1",
      chatModel: "llama3.2",
      embeddingModel: "offline",
    });
  });

  it("lets the character's model settings win over the environment", async () => {
    const character = await juno();
    const own = {
      ...character,
      model: { provider: "openai" as const, model: "gpt-4.1", temperature: 0.2, fallback: "offline" as const },
    };
    expect(
      resolveModelConfig(own, { OPENAI_API_KEY: "k", TROUPE_MODEL: "other", TROUPE_TEMPERATURE: "1" }),
    ).toMatchObject({
      chatModel: "gpt-4.1",
      temperature: 0.2,
      fallback: "offline",
    });
  });

  it("reads an elizaOS character's key from its secrets, and says so when it is refused", async () => {
    const character = await juno();
    const eliza = { ...character, secrets: { OPENAI_API_KEY: "sk-from-secrets" } };
    expect(resolveModelConfig(eliza, {})).toMatchObject({
      provider: "openai",
      apiKey: "sk-from-secrets",
      apiKeySource: `secrets.OPENAI_API_KEY in ${character.source.file}`,
    });
  });

  it("refuses OpenAI without a key, naming the character and the variable", async () => {
    const character = await juno();
    await expect(createModels(character, { TROUPE_PROVIDER: "openai" })).rejects.toThrow(MissingApiKeyError);
    await expect(createModels(character, { TROUPE_PROVIDER: "openai" })).rejects.toThrow(/Juno.*OPENAI_API_KEY/);
  });

  it("runs a character file that asks for OpenAI on the offline model when no key is set, and says so", async () => {
    const { character } = await loadCharacter("test/fixtures/characters/eliza-openai.character.json");
    expect(character.model.provider).toBe("openai");
    const config = resolveModelConfig(character, {});
    expect(config.provider).toBe("offline");
    expect(config.notice).toMatch(
      /^Ada asks for OpenAI in .*eliza-openai\.character\.json, but no OPENAI_API_KEY is set/,
    );
    // With a key it is OpenAI, and there is nothing to say.
    expect(resolveModelConfig(character, { OPENAI_API_KEY: "sk-test" })).toMatchObject({ provider: "openai" });
    expect(resolveModelConfig(character, { OPENAI_API_KEY: "sk-test" }).notice).toBeUndefined();
  });

  it("runs every character offline with TROUPE_OFFLINE, whatever its file or the environment names", async () => {
    const character = await juno();
    const own = { ...character, model: { provider: "openai" as const } };
    expect(resolveModelConfig(own, { OPENAI_API_KEY: "sk-test", TROUPE_OFFLINE: "1" }).provider).toBe("offline");
    expect(resolveModelConfig(character, { OPENAI_API_KEY: "sk-test", TROUPE_OFFLINE: "1" }).provider).toBe("offline");
  });

  it("names the variable that has a value it cannot use", async () => {
    const character = await juno();
    await expect(createModels(character, { OPENAI_API_KEY: "k", TROUPE_TEMPERATURE: "hot" })).rejects.toThrow(
      ModelConfigError,
    );
    await expect(createModels(character, { OPENAI_API_KEY: "k", TROUPE_TEMPERATURE: "hot" })).rejects.toThrow(
      /^Invalid TROUPE_TEMPERATURE for Juno: /,
    );
  });
});

describe("a rejected API key", () => {
  const tempDir = useTempDir();
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
    fake.acceptKey = "the-right-key";
  });
  afterEach(() => fake.close());

  it("stops start-up naming the character and the variable, never the key", async () => {
    const env = fakeEnv(fake, { OPENAI_API_KEY: "sk-wrong-secret-4242" });
    const failure = connectModels(await juno(), env, { logger });
    await expect(failure).rejects.toBeInstanceOf(ModelAuthError);
    const error = (await failure.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/rejected the API key of Juno \(401\)\. Check OPENAI_API_KEY\./);
    expect(error.message).not.toContain("sk-wrong");
  });

  it("is one clear log line during a conversation, with an apology to the user", async () => {
    const { logger: captured, lines } = captureLogs();
    const agent = await createRemoteAgent(tempDir(), fake, {
      logger: captured,
      env: { OPENAI_API_KEY: "sk-revoked-7777" },
    });
    const reply = await agent.handle(direct("hello?"));
    expect(reply?.text).toBe(unavailableReply(agent.character, "hello?"));
    expect(fake.requests.filter((request) => request.endpoint === "chat")).toHaveLength(1);
    const line = lines.find((entry) => entry.code === "MODEL_AUTH_REJECTED");
    expect(line?.level).toBe(50);
    expect(line?.msg).toMatch(/Juno.*OPENAI_API_KEY/);
    expect(JSON.stringify(lines)).not.toContain("sk-revoked");
    await agent.stop();
  });
});
