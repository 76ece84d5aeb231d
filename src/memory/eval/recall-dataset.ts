import { z } from "zod";

/** One conversation of a long-conversation recall benchmark (the LoCoMo format in shared/data/memory-eval). */
export const recallDatasetSchema = z.object({
  name: z.string().optional(),
  conversations: z.array(
    z.object({
      id: z.string(),
      turns: z.array(
        z.object({
          id: z.string(),
          time: z.string().optional(),
          speaker: z.string(),
          text: z.string(),
          image_caption: z.string().optional(),
        }),
      ),
      questions: z.array(
        z.object({
          id: z.string(),
          question: z.string(),
          evidence: z.array(z.string()),
          category: z.string(),
        }),
      ),
    }),
  ),
});

export type RecallDataset = z.infer<typeof recallDatasetSchema>;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Reads LoCoMo session times like "1:56 pm on 8 May, 2023" (UTC); undefined when the text has another shape. */
export function parseSessionTime(time: string | undefined): number | undefined {
  const match = time?.match(/(\d{1,2}):(\d{2})\s*(am|pm)\s+on\s+(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})/i);
  if (!match) return undefined;
  const [, hour, minute, half, day, monthName, year] = match;
  const month = MONTHS.indexOf((monthName as string).toLowerCase());
  if (month < 0) return undefined;
  const hours = (Number(hour) % 12) + ((half as string).toLowerCase() === "pm" ? 12 : 0);
  return Date.UTC(Number(year), month, Number(day), hours, Number(minute));
}
