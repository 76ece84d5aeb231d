import { z } from "zod";
import type { RecallDataset } from "./recall-dataset.js";

/** LoCoMo's question categories are numbers in its published file; the paper names them. */
const CATEGORY_NAMES: Record<number, string> = {
  1: "multi-hop",
  2: "temporal",
  3: "open-domain",
  4: "single-hop",
  5: "adversarial",
};

const dialogueTurnSchema = z.object({
  speaker: z.string(),
  dia_id: z.string(),
  text: z.string(),
  blip_caption: z.string().optional(),
});

/**
 * One sample of LoCoMo's published file (`data/locomo10.json` of
 * snap-research/LoCoMo): `conversation` holds `session_<n>` turn lists and
 * `session_<n>_date_time` strings; `qa` the questions, their category a number.
 */
const locomoSampleSchema = z.object({
  sample_id: z.string(),
  conversation: z.record(z.string(), z.unknown()),
  qa: z.array(
    z.object({
      question: z.string(),
      evidence: z.array(z.string()),
      category: z.number().int(),
    }),
  ),
});

/** LoCoMo's published layout: an array of samples. */
export const locomoFileSchema = z.array(locomoSampleSchema).min(1);

/**
 * Converts LoCoMo's published file into the recall dataset format: sessions
 * in numeric order, each turn stamped with its session's time; evidence ids
 * written together ("D8:6; D9:17") are split apart.
 */
export function fromLocomo(samples: z.infer<typeof locomoFileSchema>, name = "locomo"): RecallDataset {
  return {
    name,
    conversations: samples.map((sample) => {
      const sessions = Object.keys(sample.conversation)
        .map((key) => /^session_(\d+)$/.exec(key)?.[1])
        .filter((number): number is string => number !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      const turns = sessions.flatMap((session) => {
        const time = sample.conversation[`session_${session}_date_time`];
        const parsed = z.array(dialogueTurnSchema).safeParse(sample.conversation[`session_${session}`]);
        if (!parsed.success)
          throw new Error(`${sample.sample_id}: conversation.session_${session}: not a list of turns`);
        return parsed.data.map((turn) => ({
          id: turn.dia_id,
          time: typeof time === "string" ? time : undefined,
          speaker: turn.speaker,
          text: turn.text,
          image_caption: turn.blip_caption,
        }));
      });
      const questions = sample.qa.map((qa, index) => ({
        id: `${sample.sample_id}-q${index + 1}`,
        question: qa.question,
        evidence: qa.evidence.flatMap((evidence) => evidence.split(/[;,\s]+/).filter(Boolean)),
        category: CATEGORY_NAMES[qa.category] ?? `category-${qa.category}`,
      }));
      return { id: sample.sample_id, turns, questions };
    }),
  };
}
