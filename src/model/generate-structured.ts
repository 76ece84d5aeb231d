import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { OutputParserException } from "@langchain/core/output_parsers";
import type { Logger } from "pino";
import type { z } from "zod";
import type { ModelGuard } from "./model-guard.js";

/** Options of `generateStructured`. */
export interface GenerateStructuredOptions {
  /** Name of the answer's function, e.g. `extract_facts`. */
  name: string;
  /** Runs the calls with timeout, retries and the circuit breaker (remote models). */
  guard?: ModelGuard;
  logger?: Logger;
}

/** Attempts per answer: a malformed answer is asked for once more, then the step is skipped. */
const ATTEMPTS = 2;

/**
 * Asks the chat model for an answer that fits the zod `schema` (through
 * LangChain's `withStructuredOutput`, as a function call, which every
 * OpenAI-compatible server with tools understands). A malformed answer is
 * retried once; after that, or when the server is down, it resolves to
 * undefined: evaluators skip their step and the turn goes on.
 *
 * @example
 * const facts = await generateStructured(chat, z.object({ facts: z.array(z.string()) }), messages, { name: "extract_facts" });
 */
export async function generateStructured<Schema extends z.ZodObject>(
  chat: BaseChatModel,
  schema: Schema,
  messages: BaseMessage[],
  options: GenerateStructuredOptions,
): Promise<z.infer<Schema> | undefined> {
  const structured = chat.withStructuredOutput(schema, { name: options.name, method: "functionCalling" });
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const answer = options.guard
        ? await options.guard.run((signal) => structured.invoke(messages, { signal }))
        : await structured.invoke(messages);
      // Parsers differ in how strictly they check; the schema has the last word.
      const parsed = schema.safeParse(answer);
      if (parsed.success) return parsed.data;
      options.logger?.warn(
        { name: options.name, attempt, issues: parsed.error.issues.length },
        "malformed structured answer",
      );
    } catch (error) {
      if (!isMalformedAnswer(error)) {
        options.logger?.warn({ err: error, name: options.name }, "structured answer failed; skipping");
        return undefined;
      }
      options.logger?.warn({ name: options.name, attempt }, "malformed structured answer");
    }
  }
  return undefined;
}

function isMalformedAnswer(error: unknown): boolean {
  return error instanceof OutputParserException || error instanceof SyntaxError;
}
