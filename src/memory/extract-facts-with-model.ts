import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Logger } from "pino";
import { z } from "zod";
import { generateStructured, type ModelGuard } from "../model/index.js";
import { FACT_KEY } from "./fact-key.js";
import type { StatedFact } from "./stated-facts.js";

const MAX_FACTS = 10;
const MAX_VALUE_CHARS = 120;

const factsSchema = z.object({
  facts: z
    .array(z.object({ key: z.string().describe("what the fact is about"), value: z.string() }))
    .describe("facts the user states about themselves; empty when there are none"),
});

const KNOWN_KEYS = [
  FACT_KEY.name,
  FACT_KEY.location,
  FACT_KEY.job,
  FACT_KEY.pet,
  FACT_KEY.age,
  FACT_KEY.likes,
  FACT_KEY.dislikes,
  `${FACT_KEY.favouritePrefix}<thing>`,
];

/**
 * Asks a real chat model, through structured output, which facts the user
 * states about themselves in `text` ("I've just moved to Lima" → `lives in:
 * Lima`), with the same keys the offline patterns use plus any extra profile
 * fields. A malformed answer is asked for once more; after that, or when the
 * server is down, the result is empty and the turn goes on.
 */
export async function extractFactsWithModel(
  chat: BaseChatModel,
  text: string,
  options: { guard?: ModelGuard; logger?: Logger; extraKeys?: string[] } = {},
): Promise<StatedFact[]> {
  const keys = [...KNOWN_KEYS, ...(options.extraKeys ?? [])].map((key) => `"${key}"`).join(", ");
  const answer = await generateStructured(
    chat,
    factsSchema,
    [
      new SystemMessage(
        `Record the facts the user states about themselves in their message, as key and value. Use these keys: ${keys}. ` +
          "Record only what the user says is true now about themselves; nothing from questions, jokes or other people.",
      ),
      new HumanMessage(text.slice(0, 4000)),
    ],
    { name: "record_facts", guard: options.guard, logger: options.logger },
  );
  return (answer?.facts ?? [])
    .map((fact) => ({ key: fact.key.trim().toLowerCase(), value: fact.value.trim().slice(0, MAX_VALUE_CHARS) }))
    .filter((fact) => fact.key !== "" && fact.value !== "")
    .slice(0, MAX_FACTS);
}
