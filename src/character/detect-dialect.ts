import type { CharacterDialect } from "./character.js";
import { isObject } from "./file-report.js";

const TROUPE_KEYS = ["capabilities", "connectors", "memory", "model"];
const ELIZA_0_KEYS = ["lore", "clients", "modelProvider", "people", "twitterProfile", "extends"];

/**
 * Names the JSON dialect a character file is written in, for `source.dialect`:
 * Troupe's own keys win, then elizaOS 1.x markers (`name` in example turns,
 * `content.actions`, top-level `secrets`), then 0.x markers; a file with none
 * of them is plain Troupe.
 */
export function detectDialect(raw: Record<string, unknown>): Exclude<CharacterDialect, "tavern"> {
  if (TROUPE_KEYS.some((key) => key in raw)) return "troupe";
  const turns = Array.isArray(raw.messageExamples)
    ? raw.messageExamples.flatMap((conversation) => (Array.isArray(conversation) ? conversation : [])).filter(isObject)
    : [];
  const hasActions = turns.some((turn) => isObject(turn.content) && "actions" in turn.content);
  if ("secrets" in raw || hasActions || turns.some((turn) => "name" in turn && !("user" in turn))) return "eliza-1";
  const hasAction = turns.some((turn) => isObject(turn.content) && "action" in turn.content);
  if (ELIZA_0_KEYS.some((key) => key in raw) || hasAction || turns.some((turn) => "user" in turn)) return "eliza-0";
  return "troupe";
}
