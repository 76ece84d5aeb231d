/**
 * The runtime: `Agent` runs one character's message pipeline over its
 * memories and models; `Troupe` runs many agents on one store and routes
 * messages to them by name.
 */
export { Agent, type AgentOptions, type AgentReply, type HandleOptions, type TraceListener } from "./agent.js";
export { AgentPausedError } from "./agent-paused-error.js";
export { AgentReloadingError } from "./agent-reloading-error.js";
export { AgentSlot, type AgentState } from "./agent-slot.js";
export { createLogger, type Logger } from "./create-logger.js";
export { DuplicateAgentError } from "./duplicate-agent-error.js";
export { openTroupeStore, TROUPE_MIGRATIONS } from "./open-troupe-store.js";
export { RateLimitSettingError } from "./rate-limit-setting-error.js";
export type { ActionRun } from "./run-actions.js";
export {
  DEFAULT_TRACE_LIMIT,
  MAX_TRACE_LIMIT,
  readTraceLimit,
  type Trace,
  type TraceDelegation,
  TraceLimitSettingError,
  type TracePrompt,
  type TraceRecall,
  type TraceStep,
  type TraceSummary,
  type TraceTool,
  TurnTrace,
} from "./trace/index.js";
export { Troupe, type TroupeOptions } from "./troupe.js";
export type { TroupeReadiness } from "./troupe-readiness.js";
export {
  DEFAULT_RATE_LIMIT,
  type RateDecision,
  type RateLimitSettings,
  rateLimitRefusal,
  readRateLimit,
  UserRateLimit,
} from "./user-rate-limit.js";
