import type { Logger } from "pino";
import type { Character } from "../character/character.js";
import { type CreateModelsOptions, createModels, type Models } from "./create-models.js";
import { EmbeddingDimensionsError } from "./embedding-dimensions-error.js";
import { ModelAuthError } from "./model-auth-error.js";
import { resolveModelConfig } from "./model-config.js";
import { classifyModelFailure } from "./model-failure.js";

/** Time allowed to each start-up check: a server that is slow now is reported, not waited for. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * `createModels` with start-up checks against a remote server: the key is
 * tried on `/models` (a refused key throws `ModelAuthError` naming the
 * character and the variable), a chat model the server does not list is
 * warned about, and the embedding model is asked for one vector, whose
 * length becomes the index dimension when none is configured (a configured
 * one that differs throws `EmbeddingDimensionsError`). A server that cannot
 * be reached only logs a warning: agents start and apologise until it answers.
 */
export async function connectModels(
  character: Character,
  env: Record<string, string | undefined>,
  options: CreateModelsOptions & { logger: Logger },
): Promise<Models> {
  const config = resolveModelConfig(character, env);
  if (config.notice) options.logger.warn({ agent: character.name }, config.notice);
  if (config.provider === "offline") return createModels(character, env, options);
  const [{ clientSettings }, { OpenAIClient }] = await Promise.all([
    import("./create-remote-models.js"),
    import("@langchain/openai"),
  ]);
  const { baseURL, apiKey } = clientSettings(character, config);
  const client = new OpenAIClient({ baseURL, apiKey, maxRetries: 0, timeout: CHECK_TIMEOUT_MS });
  const log = options.logger.child({ agent: character.name, server: baseURL });
  const refused = (error: unknown) => {
    const failure = classifyModelFailure(error);
    if (failure.kind !== "auth") return false;
    throw new ModelAuthError({
      character: character.name,
      server: baseURL,
      keySource: config.apiKeySource,
      status: failure.status,
    });
  };

  try {
    const listed = (await client.models.list()).data.map((model) => model.id);
    if (listed.length > 0 && !listed.includes(config.chatModel)) {
      log.warn({ model: config.chatModel, offered: listed.slice(0, 20) }, "the server does not list this chat model");
    }
  } catch (error) {
    // Some compatible servers have no /models: only a refused key matters here.
    if (!refused(error) && classifyModelFailure(error).kind === "transient") {
      // One line for the operator; the stack only at debug level.
      log.warn(
        { detail: detailOf(error) },
        "the model server did not answer at start-up; agents apologise until it does",
      );
      log.debug({ err: error }, "model server check at start-up");
    }
  }

  let probedDimensions: number | undefined;
  if (config.embeddingModel !== "offline") {
    try {
      const native = config.embeddingModel.startsWith("text-embedding-3") ? config.embeddingDimensions : undefined;
      const answer = await client.embeddings.create({
        model: config.embeddingModel,
        input: ["dimension probe"],
        ...(native ? { dimensions: native } : {}),
      });
      probedDimensions = answer.data[0]?.embedding.length;
    } catch (error) {
      refused(error);
      log.warn(
        { detail: detailOf(error), model: config.embeddingModel },
        "could not ask the embedding model for its dimension",
      );
      log.debug({ err: error }, "embedding dimension probe");
    }
    const declared = config.embeddingDimensions;
    if (declared !== undefined && probedDimensions !== undefined && declared !== probedDimensions) {
      throw new EmbeddingDimensionsError({
        character: character.name,
        model: config.embeddingModel,
        expected: declared,
        actual: probedDimensions,
      });
    }
  }
  return createModels(character, env, { ...options, probedDimensions });
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
