import type { ToolDefinition } from "@langchain/core/language_models/base";
import type { BindToolsInput } from "@langchain/core/language_models/chat_models";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { contentStems } from "../text/index.js";
import type { AnalysedText } from "./analysed-text.js";
import { toMatchingText } from "./matching-text.js";

/** The JSON Schema subset the offline model reads to fill tool arguments. */
export interface ParameterSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
  anyOf?: ParameterSchema[];
  properties?: Record<string, ParameterSchema>;
  required?: string[];
}

/**
 * A tool's example, analysed, with the stems a message must share with it
 * for the example to count. Numbers (all read as 0 for matching) count only
 * for an example made of numbers ("what is 17 times 23"): in "cancel
 * reminder 3" the 3 is an argument, and "note number 99" shares nothing with it.
 */
export interface ToolExample extends AnalysedText {
  words: string[];
}

/** A bound tool as the offline model sees it: its description split from its examples, both analysed. */
export interface ToolProfile {
  name: string;
  description: AnalysedText;
  examples: ToolExample[];
  parameters: ParameterSchema;
  /** Stems of the words in the tool's name, description and examples. */
  vocabulary: Set<string>;
  /** Stems of the words in the tool's name and description only: what the tool is about, not its sample arguments. */
  keywords: Set<string>;
}

const EXAMPLES_LINE = /^\s*examples?\s*:\s*(.+)$/im;
const QUOTED = /"([^"]+)"|“([^”]+)”/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Normalises any tool LangChain accepts (a LangChain tool, `{ name,
 * description, schema }` with a zod or JSON schema, or an OpenAI function
 * tool) to the OpenAI format, which is what `bindTools` stores.
 */
export function toToolDefinition(tool: BindToolsInput): ToolDefinition {
  const converted = convertToOpenAITool(tool as Parameters<typeof convertToOpenAITool>[0]) as Partial<ToolDefinition> &
    Record<string, unknown>;
  if (converted.type === "function" && converted.function) return converted as ToolDefinition;
  // A bare `{ name, description, parameters }` (or `input_schema`) object.
  return {
    type: "function",
    function: {
      name: String(converted.name ?? "tool"),
      description: typeof converted.description === "string" ? converted.description : "",
      parameters: (converted.parameters ?? converted.input_schema ?? { type: "object", properties: {} }) as Record<
        string,
        unknown
      >,
    },
  };
}

/** Splits `Examples: "what time is it"; "tell me the date"` off a description. */
function splitExamples(description: string): { description: string; examples: string[] } {
  const match = EXAMPLES_LINE.exec(description);
  if (!match) return { description: description.trim(), examples: [] };
  const list = match[1] as string;
  const quoted = [...list.matchAll(QUOTED)].map((found) => (found[1] ?? found[2] ?? "").trim());
  const examples = (quoted.length > 0 ? quoted : list.split(/[;|]/)).map((example) => example.trim()).filter(Boolean);
  return { description: description.replace(match[0], "").trim(), examples };
}

/**
 * A text as the tool matcher compares it: the message's matching text (see
 * `toMatchingText`) with every number read as 0, because the numbers in a
 * tool's examples are sample arguments: "what is 17 times 23" fits "what is
 * 12 times 7" as well as itself. Apply it to the message and the examples alike.
 */
export function toToolMatchingText(text: string): string {
  return toMatchingText(text).replace(NUMBER, "0");
}

/** Builds the profile the matcher scores a message against; `analyse` embeds and stems a text. */
export function profileTool(definition: ToolDefinition, analyse: (text: string) => AnalysedText): ToolProfile {
  const { name, description = "", parameters } = definition.function;
  const split = splitExamples(description);
  const readableName = name.replace(/[_\-.]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2");
  const vocabulary = new Set(contentStems([readableName, split.description, ...split.examples].join(" ")));
  return {
    keywords: new Set(contentStems(`${readableName} ${split.description}`)),
    name,
    description: analyse(toToolMatchingText(`${readableName}. ${split.description}`)),
    examples: split.examples.map((example) => toolExample(analyse(toToolMatchingText(example)))),
    parameters: (parameters ?? {}) as ParameterSchema,
    vocabulary,
  };
}

function toolExample(analysed: AnalysedText): ToolExample {
  const stems = [...analysed.stems];
  const words = stems.filter((stem) => !/^\d+$/.test(stem));
  return { ...analysed, words: words.length > 0 ? words : stems };
}
