import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { type InvokeChatOptions, invokeChat } from "../model/index.js";
import { splitSentences } from "../text/index.js";
import { DEFAULT_SUMMARY_LIMITS, type RoomSummary, type SummaryLimits, type SummaryTurn } from "./running-summary.js";

/** Options of `summariseWithModel`: the call's guard and meter, and the summary's bounds (default 8 sentences, 800 characters). */
export interface ModelSummaryOptions extends Pick<InvokeChatOptions, "guard" | "meter"> {
  limits?: SummaryLimits;
}

/**
 * Folds turns that left the short-term window into a room's running summary
 * with a real chat model, which rewrites the old summary with what matters
 * in the new turns. The answer is cut to the same bounds as the extractive
 * summary. Resolves to undefined when the model answers nothing and throws
 * when the call fails; either way the caller can fall back to `foldIntoSummary`.
 */
export async function summariseWithModel(
  chat: BaseChatModel,
  summary: RoomSummary | undefined,
  turns: SummaryTurn[],
  options: ModelSummaryOptions = {},
): Promise<RoomSummary | undefined> {
  const limits = options.limits ?? DEFAULT_SUMMARY_LIMITS;
  const through = turns.reduce((newest, turn) => Math.max(newest, turn.id), summary?.through ?? 0);
  const previous = summary?.sentences.map((sentence) => sentence.text).join(" ") || "(nothing yet)";
  const answer = await invokeChat(
    chat,
    [
      new SystemMessage(
        `You keep the running summary of a conversation. Rewrite the summary so it also holds what matters in the new turns: facts people told about themselves, plans, decisions and open questions, each with who said it. Leave out small talk. At most ${limits.sentences} short sentences and ${limits.chars} characters. Answer with the summary only.`,
      ),
      new HumanMessage(
        `Summary so far:\n${previous}\n\nNew turns:\n${turns.map((turn) => `${turn.userName}: ${turn.text}`).join("\n")}`,
      ),
    ],
    { guard: options.guard, meter: options.meter },
  );
  const text = typeof answer.content === "string" ? answer.content : answer.text;
  const sentences: RoomSummary["sentences"] = [];
  let chars = 0;
  for (const sentence of splitSentences(text)) {
    const trimmed = sentence.replace(/^[-*•]\s*/, "").trim();
    if (!trimmed) continue;
    if (sentences.length >= limits.sentences || chars + trimmed.length > limits.chars) break;
    sentences.push({ text: trimmed, turn: through });
    chars += trimmed.length;
  }
  return sentences.length > 0 ? { sentences, through } : undefined;
}
