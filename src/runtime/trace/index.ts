/**
 * Traces: what happened to each message an agent handled (its steps and
 * their times, the memories recalled with their scores, the prompt's parts
 * and tokens, the actions run, the agents asked for help), kept for an
 * agent's last messages in a bounded ring, and exported to OpenTelemetry
 * when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
 */
export { MAX_TRACE_LIMIT, readTraceLimit } from "./read-trace-limit.js";
export type { Trace, TraceDelegation, TracePrompt, TraceRecall, TraceStep, TraceSummary, TraceTool } from "./trace.js";
export { TraceLimitSettingError } from "./trace-limit-setting-error.js";
export { DEFAULT_TRACE_LIMIT, TraceRing } from "./trace-ring.js";
export { TurnTrace } from "./turn-trace.js";
