const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  hundred: 100,
};
const PERIOD =
  /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|hundred)\s+(day|week|fortnight|month|year)s?\b(\s+(?:ago|before|earlier|back))?/i;

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
  const word = (match[1] as string).toLowerCase();
  const count = /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
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
