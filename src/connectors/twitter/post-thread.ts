import type { Logger } from "pino";
import type { XApi } from "./x-api.js";

/**
 * Posts the parts of a thread in order, each replying to the one before (the
 * first to `replyTo`, when given). With `dryRun` each part is logged instead
 * and nothing is sent. Resolves to the ids of the posts made.
 */
export async function postThread(options: {
  api: XApi;
  parts: string[];
  replyTo?: string;
  dryRun: boolean;
  logger: Logger;
}): Promise<string[]> {
  const { api, parts, dryRun, logger } = options;
  if (dryRun) {
    for (const part of parts) {
      logger.info(
        { replyTo: options.replyTo, text: part },
        options.replyTo ? "dry run: would reply" : "dry run: would post",
      );
    }
    return [];
  }
  const ids: string[] = [];
  let previous = options.replyTo;
  for (const part of parts) {
    previous = await api.post(part, previous);
    ids.push(previous);
  }
  return ids;
}
