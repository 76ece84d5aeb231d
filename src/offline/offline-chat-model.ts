import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, ToolDefinition } from "@langchain/core/language_models/base";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import type { Character } from "../character/character.js";
import { LruCache, messageText } from "../model/index.js";
import { estimateTokens } from "../text/index.js";
import { type AnalysedText, analyseText } from "./analysed-text.js";
import { buildCharacterIndex, type CharacterIndex } from "./character-index.js";
import { composeReply } from "./compose-reply.js";
import { seedFrom } from "./deterministic-choice.js";
import { hashText } from "./feature-hashing.js";
import { toMatchingText } from "./matching-text.js";
import { OfflineEmbeddings } from "./offline-embeddings.js";
import { createVoice, type Voice } from "./persona-voice.js";
import { readConversation, userName } from "./read-conversation.js";
import type { ReplyContext } from "./reply-context.js";
import { fillToolArguments } from "./tool-arguments.js";
import { profileTool, type ToolProfile, toToolDefinition, toToolMatchingText } from "./tool-profile.js";
import { selectTool } from "./tool-selection.js";

/** Call options of `OfflineChatModel`: LangChain's, plus the tools `bindTools` bound. */
export interface OfflineChatModelCallOptions extends BaseChatModelCallOptions {
  tools?: ToolDefinition[];
}

/** Options of `OfflineChatModel`. */
export interface OfflineChatModelOptions {
  character: Character;
  /** Embeddings to compare texts with; a fresh `OfflineEmbeddings` by default. */
  embeddings?: OfflineEmbeddings;
  /** Prompt lines whose analysis is cached between calls. Default 2048. */
  cacheSize?: number;
}

/**
 * The embedded offline chat model: a deterministic persona engine in the
 * spirit of ELIZA that needs no network and no key. Per message it answers,
 * in order: after a tool result, with that result; questions about the user
 * from the prompt's facts; facts the user just stated; greetings; with the
 * "who are you?" from its bio; with the character's example replies; from
 * knowledge and memories; with ELIZA-style keyword rules; else by steering to one of
 * the character's topics.
 *
 * Tools bound with `bindTools` are called when the latest human message
 * matches a tool's description or examples. Examples live in the tool
 * description, as a last line of quoted phrases separated by semicolons:
 *
 * ```ts
 * const clock = tool(() => new Date().toISOString(), {
 *   name: "current_time",
 *   description: 'Tells the current date and time.\nExamples: "what time is it"; "tell me the date"',
 *   schema: z.object({}),
 * });
 * const reply = await new OfflineChatModel({ character }).bindTools([clock]).invoke("what time is it?");
 * reply.tool_calls; // [{ id, name: "current_time", args: {}, type: "tool_call" }]
 * ```
 */
export class OfflineChatModel extends BaseChatModel<OfflineChatModelCallOptions> {
  readonly character: Character;
  readonly embeddings: OfflineEmbeddings;
  /** Built on the first call, so a troupe starts without embedding every example first. */
  #index: CharacterIndex | undefined;
  readonly #voice: Voice;
  readonly #analysed: LruCache<string, AnalysedText>;
  readonly #profiles = new WeakMap<ToolDefinition, ToolProfile>();
  /** Set while LangChain's `withStructuredOutput` binds the answer's function (see the override). */
  #requireNextTools = false;

  static override lc_name(): string {
    return "OfflineChatModel";
  }

  constructor(options: OfflineChatModelOptions) {
    super({});
    this.character = options.character;
    this.embeddings = options.embeddings ?? new OfflineEmbeddings();
    this.#voice = createVoice(this.character);
    this.#analysed = new LruCache(options.cacheSize ?? 2048);
  }

  #characterIndex(): CharacterIndex {
    this.#index ??= buildCharacterIndex(this.character, this.embeddings);
    return this.#index;
  }

  override _llmType(): string {
    return "troupe-offline";
  }

  /**
   * Binds tools: LangChain tools, `{ name, description, schema }` objects with
   * a zod or JSON schema, or OpenAI function tools. See the class comment for
   * the `Examples:` convention that helps the model pick them.
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<OfflineChatModelCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, OfflineChatModelCallOptions> {
    const required = this.#requireNextTools && kwargs?.tool_choice === undefined ? { tool_choice: "any" } : {};
    return this.withConfig({
      ...required,
      ...kwargs,
      tools: [...(kwargs?.tools ?? []), ...tools.map(toToolDefinition)],
    });
  }

  /**
   * Structured output by LangChain's function-calling method, with the
   * answer's function bound as a required tool: a structured answer is always
   * a call of it, its arguments filled from the message as for any tool.
   */
  // biome-ignore lint/suspicious/noExplicitAny: one signature stands for the six overloads of LangChain's.
  override withStructuredOutput(outputSchema: any, config?: any): any {
    this.#requireNextTools = true;
    try {
      return super.withStructuredOutput(outputSchema, config);
    } finally {
      this.#requireNextTools = false;
    }
  }

  override async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    // A call that was cancelled gets no answer, as from a remote model.
    options.signal?.throwIfAborted();
    const message = this.#answer(messages, options);
    const input = messages.reduce((sum, each) => sum + estimateTokens(messageText(each)), 0);
    const output = estimateTokens(messageText(message)) + (message.tool_calls?.length ? 10 : 0);
    message.usage_metadata = { input_tokens: input, output_tokens: output, total_tokens: input + output };
    return {
      generations: [{ text: messageText(message), message }],
      llmOutput: { tokenUsage: { promptTokens: input, completionTokens: output, totalTokens: input + output } },
    };
  }

  /** Sums the token usage of several generations (LangChain calls this for batched `generate`). */
  override _combineLLMOutput(...outputs: ChatResult["llmOutput"][]): ChatResult["llmOutput"] {
    const total = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    for (const output of outputs) {
      total.promptTokens += output?.tokenUsage?.promptTokens ?? 0;
      total.completionTokens += output?.tokenUsage?.completionTokens ?? 0;
      total.totalTokens += output?.tokenUsage?.totalTokens ?? 0;
    }
    return { tokenUsage: total };
  }

  #analyse(text: string): AnalysedText {
    let analysed = this.#analysed.get(text);
    if (!analysed) {
      analysed = analyseText(text, this.embeddings);
      this.#analysed.set(text, analysed);
    }
    return analysed;
  }

  #profile(definition: ToolDefinition): ToolProfile {
    let profile = this.#profiles.get(definition);
    if (!profile) {
      profile = profileTool(definition, (text) => this.#analyse(text));
      this.#profiles.set(definition, profile);
    }
    return profile;
  }

  #answer(messages: BaseMessage[], options: this["ParsedCallOptions"]): AIMessageChunk {
    const conversation = readConversation(messages);
    const tools = (options.tools ?? []).map((definition) => this.#profile(definition));
    if (!conversation.toolResult && conversation.text !== "" && tools.length > 0) {
      const tool = selectTool(tools, this.#analyse(toToolMatchingText(conversation.text)), options.tool_choice);
      if (tool) {
        const id = `call_${hashText(`${tool.name}\u0000${conversation.text}`).toString(36)}`;
        const args = fillToolArguments(tool, conversation.text);
        return new AIMessageChunk({ content: "", tool_calls: [{ id, name: tool.name, args, type: "tool_call" }] });
      }
    }
    const ctx: ReplyContext = {
      character: this.character,
      conversation,
      voice: this.#voice,
      seed: seedFrom(this.character.name, conversation.text, conversation.toolResult?.content ?? ""),
      message: this.#analyse(toMatchingText(conversation.text)),
      index: this.#characterIndex(),
      analyse: (text) => this.#analyse(text),
    };
    const name = userName(conversation);
    if (name) ctx.name = name;
    let reply = composeReply(ctx);
    // Saying exactly the same thing twice in a row reads like a broken record; try another variant once.
    if (reply === conversation.lastReply) reply = composeReply({ ...ctx, seed: ctx.seed + 1 });
    return new AIMessageChunk(reply.trim() === "" ? "…" : reply);
  }
}
