import { z } from "zod";
import { TraceLimitSettingError } from "./trace-limit-setting-error.js";
import { DEFAULT_TRACE_LIMIT } from "./trace-ring.js";

/** More traces than this per agent is a memory leak by configuration, not observability. */
export const MAX_TRACE_LIMIT = 10_000;

const limitSchema = z.coerce.number().int().min(0).max(MAX_TRACE_LIMIT);

/** `TROUPE_TRACE_LIMIT`: how many recent messages per agent keep their trace. Unset: 100. */
export function readTraceLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_TRACE_LIMIT;
  const parsed = limitSchema.safeParse(value.trim());
  if (!parsed.success) throw new TraceLimitSettingError({ value, max: MAX_TRACE_LIMIT });
  return parsed.data;
}
