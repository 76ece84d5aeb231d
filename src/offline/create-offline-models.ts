import type { Character } from "../character/character.js";
import { type Models, UsageMeter } from "../model/index.js";
import { OfflineChatModel } from "./offline-chat-model.js";
import { OfflineEmbeddings } from "./offline-embeddings.js";

const OFFLINE_EMBEDDING_MODEL = "troupe-offline-hash-v1";

/** What the offline chat model can do: it rearranges what it is given, and writes nothing of its own. */
export const OFFLINE_ABILITIES: Models["abilities"] = { summarise: false };

/** The offline pair: deterministic chat and hashed n-gram embeddings of `dimensions` (default: the character's, or 384). */
export function createOfflineModels(
  character: Character,
  dimensions: number = character.model.embeddingDimensions ?? 384,
): Models {
  const embeddings = new OfflineEmbeddings({ dimensions });
  return {
    chat: new OfflineChatModel({ character, embeddings }),
    abilities: OFFLINE_ABILITIES,
    embeddings,
    provider: "offline",
    chatModel: "offline",
    embeddingModel: OFFLINE_EMBEDDING_MODEL,
    dimensions: embeddings.dimensions,
    usage: { chat: new UsageMeter(), embeddings: new UsageMeter() },
    description: "offline model",
  };
}
