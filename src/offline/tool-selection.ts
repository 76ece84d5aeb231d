import { cosineSimilarity } from "../text/index.js";
import type { AnalysedText } from "./analysed-text.js";
import type { ToolProfile } from "./tool-profile.js";

/** How well a message must match a tool for the tool to be called. */
const TOOL_THRESHOLD = 0.3;
/** The description alone is weaker evidence than an example. */
const DESCRIPTION_WEIGHT = 0.8;
/** An example this close needs no keyword in common ("what day is it" ~ "what day is today"). */
const CLOSE_EXAMPLE = 0.7;
/** Each keyword of the tool's name and description in the message adds a little (at most two). */
const KEYWORD_BONUS = 0.05;
/** "I had a great time yesterday" mentions time without asking for it: statements count for less. */
const STATEMENT_FACTOR = 0.4;

const QUESTION_START =
  /^(?:what|when|where|who|which|how|why|is|are|was|will|would|can|could|should|do|does|did|may|shall)\b/i;
const REQUEST =
  /\b(?:please|can you|could you|would you|will you|i want you to|i need you to|i'd like you to|let me know|lemme know)\b|^(?:tell|show|give|find|search|look|set|remind|get|check|call|send|play|open|make|create|add|book|schedule|translate|convert|calculate|compute|roll|flip|start|stop|cancel|turn|list|fetch|post|tweet|write|summari[sz]e|define|delegate|ask|run)\b/i;

const SELF_START = /^(?:i|i'm|im|my|we|our|it|it's|that|this|the)\b/i;

/** "How do I write a plugin?" asks how to do something oneself, not for it to be done. */
const HOW_TO = /^how (?:do|can|could|should|would) (?:i|we|one)\b/i;

/** True when `text` asks for something: a question, a polite request, an imperative or a short phrase ("weather in Lima"). */
function isRequest(text: string): boolean {
  const trimmed = text.trim();
  if (HOW_TO.test(trimmed)) return false;
  if (trimmed.endsWith("?") || QUESTION_START.test(trimmed) || REQUEST.test(trimmed)) return true;
  return trimmed.split(/\s+/).length <= 4 && !SELF_START.test(trimmed);
}

/** How well `message` matches `tool`: its closest example or (discounted) its description, plus keywords. */
function scoreTool(tool: ToolProfile, message: AnalysedText, request = true): number {
  let keywords = 0;
  for (const stem of message.stems) if (tool.keywords.has(stem)) keywords++;
  let best = keywords > 0 ? DESCRIPTION_WEIGHT * cosineSimilarity(tool.description.vector, message.vector) : 0;
  for (const example of tool.examples) {
    if (example.words.length > 0 && !example.words.some((word) => message.stems.has(word))) continue;
    const score = cosineSimilarity(example.vector, message.vector);
    if (keywords > 0 || score >= CLOSE_EXAMPLE) best = Math.max(best, score);
  }
  if (best === 0) return 0;
  const score = best + KEYWORD_BONUS * Math.min(keywords, 2);
  return request ? score : score * STATEMENT_FACTOR;
}

/**
 * Picks the tool to call for `message`, or undefined when none fits.
 * `choice` follows LangChain's `tool_choice`: "none" never calls a tool,
 * "any"/"required" calls the best one whatever its score, a tool name calls that tool.
 */
export function selectTool(tools: ToolProfile[], message: AnalysedText, choice?: unknown): ToolProfile | undefined {
  if (choice === "none" || tools.length === 0) return undefined;
  const named = typeof choice === "string" ? tools.find((tool) => tool.name === choice) : undefined;
  if (named) return named;
  const forced = choice === "any" || choice === "required";
  const request = isRequest(message.text);
  let best: { score: number; tool: ToolProfile } | undefined;
  for (const tool of tools) {
    const score = scoreTool(tool, message, request);
    if ((forced || score >= TOOL_THRESHOLD) && (!best || score > best.score)) best = { score, tool };
  }
  return best?.tool;
}
