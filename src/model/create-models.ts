import type { Embeddings } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Character } from "../character/character.js";
import { OfflineChatModel } from "./offline-chat-model.js";
import { OfflineEmbeddings } from "./offline-embeddings.js";

/** The chat and embedding models an agent runs on. */
export interface Models {
  chat: BaseChatModel;
  /** `embedSync` is present when embedding is local and synchronous (the offline provider). */
  embeddings: Embeddings & { embedSync?(text: string): Float32Array };
  provider: "offline";
  /** Names the embedding model; vectors of different models are never mixed in one index. */
  embeddingModel: string;
  dimensions: number;
}

/**
 * Creates the chat and embedding models for `character`. For now always the
 * offline pair (deterministic, no network, no key), honouring the character's
 * `model.embeddingDimensions`; `env` is where provider keys will be read from.
 */
export function createModels(character: Character, _env: Record<string, string | undefined> = process.env): Models {
  const embeddings = new OfflineEmbeddings({ dimensions: character.model.embeddingDimensions ?? 384 });
  return {
    chat: new OfflineChatModel({ character, embeddings }),
    embeddings,
    provider: "offline",
    embeddingModel: "troupe-offline-hash-v1",
    dimensions: embeddings.dimensions,
  };
}
