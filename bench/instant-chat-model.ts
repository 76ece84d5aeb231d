// From Troupe's bundle, as an app on npm would take them: `@langchain/core` itself would load a second copy.
import { AIMessage, BaseChatModel, type ChatResult } from "troupe";

/** The reply every benchmark stub gives: the same text the elizaOS peer's stub answers with. */
export const STUB_REPLY = "Hello! This is a fixed reply from the stub model.";

/**
 * A chat model for benchmarks: answers `STUB_REPLY` at once, or after
 * `delayMs` (a model server that takes its time), and keeps nothing, so only
 * the framework's own time and memory are measured.
 */
export class InstantChatModel extends BaseChatModel {
  private readonly delayMs: number;

  constructor(options: { delayMs?: number } = {}) {
    super({});
    this.delayMs = options.delayMs ?? 0;
  }

  _llmType(): string {
    return "bench-stub";
  }

  async _generate(): Promise<ChatResult> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return { generations: [{ text: STUB_REPLY, message: new AIMessage(STUB_REPLY) }] };
  }
}
