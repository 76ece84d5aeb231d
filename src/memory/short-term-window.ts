import { estimateTokens } from "../text/index.js";

/** Short-term settings of a character (`memory.shortTermTurns`, `memory.tokenBudget`). */
export interface WindowSettings {
  shortTermTurns: number;
  tokenBudget: number;
}

/** History may use at most this share of the prompt's token budget; the rest is for the system prompt. */
const HISTORY_SHARE = 0.5;

/**
 * Splits a room's turns (oldest first) into the short-term window, the newest
 * turns within `shortTermTurns` and half the token budget, and the turns
 * before it, which belong in the running summary.
 */
export function shortTermWindow<Turn extends { text: string }>(
  turns: Turn[],
  settings: WindowSettings,
): { window: Turn[]; fallen: Turn[] } {
  let start = turns.length;
  let tokens = 0;
  const budget = settings.tokenBudget * HISTORY_SHARE;
  while (start > 0 && turns.length - start < settings.shortTermTurns) {
    const next = tokens + estimateTokens((turns[start - 1] as Turn).text);
    if (next > budget) break;
    tokens = next;
    start--;
  }
  return { window: turns.slice(start), fallen: turns.slice(0, start) };
}
