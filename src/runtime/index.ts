/**
 * The runtime: `Agent` runs one character's message pipeline over its
 * memories and models; `Troupe` runs many agents on one store and routes
 * messages to them by name.
 */
export { Agent, type AgentOptions, type AgentReply, type HandleOptions } from "./agent.js";
export { createLogger, type Logger } from "./create-logger.js";
export { DuplicateAgentError } from "./duplicate-agent-error.js";
export { openTroupeStore, TROUPE_MIGRATIONS } from "./open-troupe-store.js";
export { RateLimitSettingError } from "./rate-limit-setting-error.js";
export type { ActionRun } from "./run-actions.js";
export { Troupe, type TroupeOptions } from "./troupe.js";
export {
  DEFAULT_RATE_LIMIT,
  type RateDecision,
  type RateLimitSettings,
  rateLimitRefusal,
  readRateLimit,
  UserRateLimit,
} from "./user-rate-limit.js";
