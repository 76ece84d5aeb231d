import { NUMBER_WORD_PATTERN, numberFromWord } from "troupe/text";

const UNIT_MS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};
const COUNT = `(\\d+(?:\\.\\d+)?|half an?|an?|${NUMBER_WORD_PATTERN})`;
const RELATIVE = new RegExp(
  `\\b(?:in|after)\\s+${COUNT}\\s*(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|weeks?)\\b`,
  "i",
);
const CLOCK = /\b(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b|\bat\s+(\d{1,2})(?::(\d{2}))?\b/i;
const TOMORROW = /\btomorrow\b/i;

/** When a reminder is due, and the words that said so (to cut them out of the task). */
export interface When {
  dueAt: number;
  phrases: string[];
}

/**
 * Reads when from a request, in the server's local time: "in 20 minutes",
 * "in half an hour", "in 2 days", "at 17:30", "at 5pm", "tomorrow at 9",
 * "tomorrow" (9:00). A clock time already past today means tomorrow.
 */
export function readWhen(text: string, now: number): When | undefined {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const count = readCount(relative[1] as string);
    const unit = (relative[2] as string).toLowerCase().replace(/s$/, "");
    const ms = UNIT_MS[unit] ?? UNIT_MS[unit.slice(0, 3)] ?? 60_000;
    return { dueAt: now + Math.round(count * ms), phrases: [relative[0]] };
  }
  const tomorrow = TOMORROW.exec(text);
  const clock = CLOCK.exec(text);
  if (!clock && !tomorrow) return undefined;
  const date = new Date(now);
  if (clock) {
    let hours = Number(clock[1] ?? clock[4]);
    const minutes = Number(clock[2] ?? clock[5] ?? 0);
    const meridiem = clock[3]?.toLowerCase();
    if (meridiem === "pm" && hours < 12) hours += 12;
    if (meridiem === "am" && hours === 12) hours = 0;
    if (hours > 23 || minutes > 59) return undefined;
    date.setHours(hours, minutes, 0, 0);
  } else date.setHours(9, 0, 0, 0);
  if (tomorrow) date.setDate(date.getDate() + 1);
  else if (date.getTime() <= now) date.setDate(date.getDate() + 1);
  return { dueAt: date.getTime(), phrases: [clock?.[0], tomorrow?.[0]].filter((p): p is string => Boolean(p)) };
}

function readCount(word: string): number {
  if (word.toLowerCase().startsWith("half")) return 0.5;
  return numberFromWord(word, { articles: true }) ?? 1;
}

const REQUEST =
  /^(?:(?:hey|hi|ok|okay|please|can you|could you|would you|will you)[,\s]+)*(?:please\s+)?(?:remind me|set (?:a|an|me a)? ?reminder|reminder|make a reminder|add a reminder)\s*/i;

/** The thing to be reminded of: the request without "remind me", the time and linking words ("to", "that", "about"). */
export function readTask(text: string, when: When | undefined): string {
  let task = text.trim();
  for (const phrase of when?.phrases ?? []) task = task.replace(phrase, " ");
  task = task
    .replace(REQUEST, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:for|to|that|about|of)\s+/i, "")
    .replace(/\s+(?:to|for|please)?\s*$/i, "")
    .replace(/^(?:to|that|about)\s+/i, "")
    .replace(/[.!?]+$/, "")
    .trim();
  return task
    .replace(/\bmy\b/gi, "your")
    .replace(/\bI\b/g, "you")
    .replace(/\bme\b/gi, "you");
}
