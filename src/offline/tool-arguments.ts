import { isStopword, numberFromWord, stem } from "../text/index.js";
import type { ParameterSchema, ToolProfile } from "./tool-profile.js";

/** Words that ask for something without being part of what is asked for. */
const REQUEST_WORDS = new Set(
  "please can could would will you me tell show give find get let know want like need hey hi hello now just kindly quick quickly".split(
    " ",
  ),
);
const QUOTED = /"([^"]+)"|“([^”]+)”/;
const PLACE_NAME = /(?:city|location|place|where|town|country|region|area)/i;
const PLACE_TAIL = /\b(?:in|at|for|near|around)\s+([^,.!?;]+?)\s*(?:[,.!?;]|$)/i;
const TOPIC_TAIL = /\b(?:about|for|on|of|to|called|named)\s+([^.!?;]+?)\s*(?:[.!?;]|$)/i;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** A parameter that wants the whole request ("the request, in full, as the helper should read it"). */
const IN_FULL = /\bin full\b/i;
/** "Can you ask Theo to …": politeness and who the request is for, before the request itself. */
const ADDRESSED =
  /^(?:(?:please|can you|could you|would you|will you)\s+)*(?:ask|get|have|tell)\s+([\p{L}'’-]+)\s+(?:to\s+)?/iu;

function typeOf(schema: ParameterSchema): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== "null");
  return schema.anyOf?.map(typeOf).find((type) => type !== undefined && type !== "null");
}

function numbersIn(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/-?\d+(?:\.\d+)?|\b[a-z]+\b/gi)) {
    const number = numberFromWord(match[0]);
    if (number !== undefined) numbers.push(number);
  }
  return numbers;
}

/**
 * The part of `text` that is the request's subject: a quoted phrase, else the
 * span between the first and last word that is neither a stopword, a request
 * word nor a word of the tool's own description and examples ("remind me to
 * buy milk" with example "remind me to call mom" → "buy milk"), else what
 * follows "about/for/to…", else the whole text.
 */
function relevantPart(text: string, tool: ToolProfile, skipNumbers: boolean): string {
  const quoted = QUOTED.exec(text);
  if (quoted) return (quoted[1] ?? quoted[2] ?? "").trim();
  let start = -1;
  let end = -1;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['’]/g, "");
    const filler =
      isStopword(word) ||
      REQUEST_WORDS.has(word) ||
      tool.vocabulary.has(stem(word)) ||
      (skipNumbers && /^\d/.test(word));
    if (filler) continue;
    if (start < 0) start = match.index;
    end = match.index + match[0].length;
  }
  if (start >= 0) return text.slice(start, end);
  return (TOPIC_TAIL.exec(text)?.[1] ?? text).trim();
}

/** The whole request without the words that pass it on ("ask Theo to research tea" → "research tea"). */
function wholeRequest(text: string): string {
  const request = text.trim();
  const addressed = ADDRESSED.exec(request);
  // Only a name passes a request on: "ask him to" or "tell me to" is part of it.
  if (!addressed || !/^\p{Lu}/u.test(addressed[1] ?? "")) return request;
  return request.slice(addressed[0].length).replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

function enumValue(schema: ParameterSchema, text: string): unknown {
  const lower = text.toLowerCase();
  return schema.enum?.find((value) => typeof value === "string" && lower.includes(value.toLowerCase()));
}

/**
 * Fills a tool's arguments from the user's message: enum values mentioned in
 * it, numbers in order for number parameters, a place after "in/at/for" for
 * place-like parameters (`city`, `location`…; an optional one stays unset when no place is named), the whole request for a parameter that asks for it
 * "in full", the relevant part of the message for the main string parameter (the first required one, else the
 * first), and schema defaults for the rest.
 */
export function fillToolArguments(tool: ToolProfile, text: string): Record<string, unknown> {
  const properties = tool.parameters.properties ?? {};
  const required = new Set(tool.parameters.required ?? []);
  const names = Object.keys(properties);
  const numberNames = names.filter((name) => ["number", "integer"].includes(typeOf(properties[name] ?? {}) ?? ""));
  const stringNames = names.filter((name) => typeOf(properties[name] ?? {}) === "string" && !properties[name]?.enum);
  const numbers = numbersIn(text);
  // What the request is about goes to a required text parameter before an optional one, whatever their order.
  const notPlace = stringNames.filter((name) => !PLACE_NAME.test(name));
  const mainString = notPlace.find((name) => required.has(name)) ?? notPlace[0] ?? stringNames[0];
  const args: Record<string, unknown> = {};
  for (const name of names) {
    const schema = properties[name] ?? {};
    const type = typeOf(schema);
    let value: unknown;
    if (schema.enum)
      value = enumValue(schema, text) ?? schema.default ?? (required.has(name) ? schema.enum[0] : undefined);
    else if (type === "number" || type === "integer") {
      const found = numbers[numberNames.indexOf(name)];
      value = found === undefined ? schema.default : type === "integer" ? Math.round(found) : found;
    } else if (type === "string" && PLACE_NAME.test(name)) {
      const place = PLACE_TAIL.exec(text)?.[1]?.trim();
      // No place named: an optional place stays unset ("What time is it?" is not a place); a required one gets the request.
      const fallback = name === mainString && required.has(name);
      value = place ?? (fallback ? relevantPart(text, tool, numberNames.length > 0) : schema.default);
    } else if (type === "string" && IN_FULL.test(schema.description ?? "")) value = wholeRequest(text);
    else if (type === "string" && name === mainString) value = relevantPart(text, tool, numberNames.length > 0);
    else if (type === "boolean") value = schema.default ?? (required.has(name) ? false : undefined);
    else value = schema.default;
    if (value !== undefined) args[name] = value;
  }
  return args;
}
