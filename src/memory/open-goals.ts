import { splitSentences } from "../text/index.js";

/** Open goals kept per room; the oldest go first when there are more. */
const MAX_GOALS = 5;
const GOAL =
  /\b(?:i\s+(?:need|have|want|plan|hope|intend|'m planning|’m planning|am planning|'m going|’m going|am going)\s+to|remind me to|my goal is to|help me)\s+([^.!?;]{3,80})/iu;
const DONE =
  /\bi(?:'ve|’ve| have)?\s+(?:finished|done|completed|did)\s+([^.!?;]{3,80})|\b(?:done|finished) with\s+([^.!?;]{3,80})/iu;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

/**
 * Updates a room's open goals from what a user said: "I need to / want to /
 * plan to …", "remind me to …" and "my goal is to …" open one; "I finished /
 * did / I'm done with …" closes the open goal it shares most words with.
 * Questions open nothing. Returns the new list (the same array when nothing changed).
 *
 * @example updateGoals([], "I need to renew my passport.") // ["renew my passport"]
 */
export function updateGoals(goals: string[], text: string): string[] {
  let next = goals;
  for (const sentence of splitSentences(text)) {
    if (sentence.trim().endsWith("?")) continue;
    const done = DONE.exec(sentence);
    const finished = done?.[1] ?? done?.[2];
    if (finished) {
      const said = words(finished);
      const scored = next.map((goal) => [...words(goal)].filter((word) => said.has(word)).length);
      const best = scored.indexOf(Math.max(0, ...scored));
      if (best >= 0 && (scored[best] ?? 0) > 0) next = next.filter((_, index) => index !== best);
      continue;
    }
    const goal = GOAL.exec(sentence)?.[1]?.trim();
    if (goal && !next.some((known) => known.toLowerCase() === goal.toLowerCase())) {
      next = [...next, goal].slice(-MAX_GOALS);
    }
  }
  return next;
}
