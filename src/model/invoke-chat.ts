import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { AIMessage, AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import type { ModelGuard } from "./model-guard.js";
import type { UsageMeter } from "./usage-meter.js";

/** A chat model, with or without tools bound. */
export type ChatRunnable = Runnable<BaseLanguageModelInput, AIMessageChunk>;

/** Options of `invokeChat`. */
export interface InvokeChatOptions {
  /** Timeout, retries and circuit breaker; without one the model is called directly (the offline model). */
  guard?: ModelGuard;
  /** Where the call's latency and token usage are recorded. */
  meter?: UsageMeter;
  /** Receives the reply as it is generated; the model is then streamed. */
  onToken?: (token: string) => void;
}

/**
 * One chat model call: streamed token by token to `onToken` when given
 * (tool-call chunks are merged into the final message), else a plain
 * invoke. A call that already streamed text is not retried, so a listener
 * never sees a reply twice.
 */
export async function invokeChat(
  model: ChatRunnable,
  messages: BaseMessage[],
  options: InvokeChatOptions = {},
): Promise<AIMessage> {
  const { guard, meter, onToken } = options;
  let streamed = false;
  const once = async (signal?: AbortSignal): Promise<AIMessage> => {
    if (!onToken) return model.invoke(messages, { signal });
    let whole: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(messages, { signal })) {
      const token = chunk.text;
      if (token) {
        streamed = true;
        onToken(token);
      }
      whole = whole ? whole.concat(chunk) : chunk;
    }
    if (!whole) throw new Error("The model streamed no answer.");
    return whole;
  };
  const started = performance.now();
  try {
    const answer = guard ? await guard.run(once, { canRetry: () => !streamed }) : await once();
    meter?.recordCall(performance.now() - started, answer.usage_metadata);
    return answer;
  } catch (error) {
    meter?.recordFailure(performance.now() - started);
    throw error;
  }
}
