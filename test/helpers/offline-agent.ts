import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Logger } from "pino";
import type { Character } from "../../src/character/index.js";
import { Agent, createLogger } from "../../src/index.js";
import { createEmbedder } from "../../src/memory/index.js";
import { createModels, type Models } from "../../src/model/index.js";
import { OfflineChatModel } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";

/** The offline model, keeping every prompt it was given. */
export class RecordingModel extends OfflineChatModel {
  readonly prompts: BaseMessage[][] = [];
  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    this.prompts.push(messages);
    return super._generate(messages, options);
  }
}

/**
 * `character` started on a store in `dataDir` with the offline embeddings and `chat` (default: the offline model),
 * logging to `logger` (default: nowhere). A chat model given alone stands for a language model; give
 * `{ chat, abilities }` for one that can do less (a `RecordingModel` has the offline model's abilities).
 */
export async function startAgent(
  dataDir: string,
  character: Character,
  chat?: BaseChatModel | Pick<Models, "chat" | "abilities">,
  logger: Logger = createLogger({ level: "silent" }),
): Promise<Agent> {
  const models = await createModels(character);
  const given = chat === undefined ? models : "abilities" in chat ? chat : { chat, abilities: undefined };
  const agent = new Agent({
    character,
    db: openTroupeStore({ dataDir }),
    chat: given.chat,
    abilities: given.abilities,
    embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
    logger,
  });
  await agent.start();
  return agent;
}
