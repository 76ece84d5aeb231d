import { NUMBER_WORD_PATTERN, numberFromWord } from "troupe/text";

const PERIOD = new RegExp(
  String.raw`\b(\d+|an?|${NUMBER_WORD_PATTERN})\s+(day|week|fortnight|month|year)s?\b(\s+(?:ago|before|earlier|back))?`,
  "i",
);

/** A period of time relative to today: `days` (weeks and fortnights folded in) or `months`, negative for the past. */
export interface Period {
  amount: number;
  unit: "days" | "months";
  phrase: string;
}

/** Reads "in 10 days", "3 weeks ago", "a year from now", "tomorrow", "yesterday" from a sentence. */
export function readPeriod(text: string): Period | undefined {
  if (/\bday after tomorrow\b/i.test(text)) return { amount: 2, unit: "days", phrase: "the day after tomorrow" };
  if (/\btomorrow\b/i.test(text)) return { amount: 1, unit: "days", phrase: "tomorrow" };
  if (/\byesterday\b/i.test(text)) return { amount: -1, unit: "days", phrase: "yesterday" };
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const count = numberFromWord(match[1] as string, { articles: true }) ?? 1;
  const unit = (match[2] as string).toLowerCase();
  const sign = match[3] ? -1 : 1;
  const phrase = `${sign < 0 ? "" : "in "}${count} ${unit}${count === 1 ? "" : "s"}${sign < 0 ? " ago" : ""}`;
  if (unit === "month" || unit === "year")
    return { amount: sign * count * (unit === "year" ? 12 : 1), unit: "months", phrase };
  const days = count * (unit === "week" ? 7 : unit === "fortnight" ? 14 : 1);
  return { amount: sign * days, unit: "days", phrase };
}

/** `date` moved by `period`; months keep the day of the month where it exists (31 Jan + 1 month → 28/29 Feb). */
export function addPeriod(date: Date, period: Period): Date {
  const result = new Date(date.getTime());
  if (period.unit === "days") {
    result.setUTCDate(result.getUTCDate() + period.amount);
    return result;
  }
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + period.amount);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
