import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";

/** A chat model that records the prompts it gets and answers "ok", after `delayMs` (default 0) when given. */
export class RecordingChatModel extends BaseChatModel {
  prompts: BaseMessage[][] = [];
  private readonly delayMs: number;

  constructor(options: { delayMs?: number } = {}) {
    super({});
    this.delayMs = options.delayMs ?? 0;
  }

  _llmType(): string {
    return "recording";
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.prompts.push(messages);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return { generations: [{ text: "ok", message: new AIMessage("ok") }] };
  }
}
