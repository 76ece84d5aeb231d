import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatRunnable, InvokeChatOptions, ModelGuard, UsageMeter } from "../model/index.js";
import { type Action, actionToTool, type PluginHost } from "../plugins/index.js";

export interface AgentChatOptions {
  /** The name of the agent, for the error when its model cannot call tools. */
  agent: string;
  chat: BaseChatModel;
  /** Answers while the model server is down (`Models.fallback`). */
  fallback?: BaseChatModel;
  /** Timeout, retries and circuit breaker for calls to `chat` (never the fallback: it is local). */
  guard?: ModelGuard;
  meter: UsageMeter;
  plugins: PluginHost;
}

/** A chat model ready to call: the model (with tools bound when there are actions) and how to call it. */
export interface ChatCall {
  model: ChatRunnable;
  call: InvokeChatOptions;
}

/**
 * An agent's chat models, the configured one and its fallback, with the
 * agent's actions bound as tools. Binding converts every schema, so bound
 * models are kept: one per chat model, and with `delegate` one per wording of
 * its description (it changes only when the live agents' capabilities do).
 * The handler is looked up per call, not bound.
 */
export class AgentChat {
  readonly hasFallback: boolean;
  private readonly options: AgentChatOptions;
  private readonly bound = new Map<BaseChatModel, Map<string, ChatRunnable>>();
  /** The plugin host's revision the bound models were built for: an MCP server coming or going rebuilds them. */
  private boundRevision = 0;

  constructor(options: AgentChatOptions) {
    this.options = options;
    this.hasFallback = options.fallback !== undefined;
  }

  /** The configured model, or the fallback, with the actions (and `delegate`) bound as tools. */
  prepare(options: { useFallback: boolean; delegate?: Action; onToken?: (token: string) => void }): ChatCall {
    const { chat, fallback, guard, meter, plugins } = this.options;
    const model = options.useFallback && fallback ? fallback : chat;
    if (plugins.revision !== this.boundRevision) {
      this.bound.clear();
      this.boundRevision = plugins.revision;
    }
    const bound = options.delegate || plugins.actions.size > 0 ? this.bindActions(model, options.delegate) : model;
    return { model: bound, call: { guard: model === chat ? guard : undefined, meter, onToken: options.onToken } };
  }

  private bindActions(chat: BaseChatModel, delegate?: Action): ChatRunnable {
    const key = delegate ? `${delegate.description}\n${delegate.examples?.join("\n") ?? ""}` : "";
    let bound = this.bound.get(chat)?.get(key);
    if (!bound) {
      if (!chat.bindTools) throw new Error(`The chat model of ${this.options.agent} cannot call tools.`);
      const tools = this.options.plugins.tools();
      bound = chat.bindTools(delegate ? [...tools, actionToTool(delegate)] : tools);
      const byKey = this.bound.get(chat) ?? new Map<string, ChatRunnable>();
      // Capabilities come and go; a handful of wordings is plenty to keep.
      if (byKey.size >= 16) byKey.clear();
      byKey.set(key, bound);
      this.bound.set(chat, byKey);
    }
    return bound;
  }
}
