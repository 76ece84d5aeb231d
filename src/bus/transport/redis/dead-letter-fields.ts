import type { DeadLetter } from "../../bus.js";
import { fieldOf } from "./redis-keys.js";

/**
 * The stream fields of a dead letter: the envelope as it arrived, why it
 * failed, after how many attempts, and when. The one place that writes the
 * layout `deadLetterOf` reads.
 *
 * @example await client.xadd(keys.dead(topic), "*", ...deadLetterFields(raw, "bad json", 1));
 */
export function deadLetterFields(raw: string, error: string, attempts: number): string[] {
  return ["e", raw, "error", error, "attempts", String(attempts), "at", String(Date.now())];
}

/** A dead-letter stream entry's fields read back as a `DeadLetter`. */
export function deadLetterOf(fields: string[]): DeadLetter {
  return {
    raw: fieldOf(fields, "e") ?? "",
    error: fieldOf(fields, "error") ?? "",
    attempts: Number(fieldOf(fields, "attempts") ?? 1),
    at: Number(fieldOf(fields, "at") ?? 0),
  };
}
