/**
 * X (Twitter) through the official API v2 and `twitter-api-v2`: one
 * connector per character that answers its mentions once each (threaded,
 * within 280 weighted characters), posts on a schedule when asked to, and
 * keeps every call within the rate limits and a daily budget whose estimated
 * cost it reports. Its durable state lives in its own SQLite tables.
 */
export { DailyBudget, describeSpend } from "./daily-budget.js";
export { splitIntoThread } from "./split-into-thread.js";
export { stripLeadingMentions } from "./strip-leading-mentions.js";
export { TwitterConfigError } from "./twitter-config-error.js";
export { TwitterConnector, type TwitterConnectorOptions } from "./twitter-connector.js";
export { createTwitterConnectorFactory } from "./twitter-connector-factory.js";
export {
  DEFAULT_MAX_POSTS_PER_DAY,
  DEFAULT_MAX_READS_PER_DAY,
  readTwitterSettings,
  type TwitterCredentials,
  type TwitterSettings,
} from "./twitter-settings.js";
export { MAX_POST_WEIGHT, weightedLength } from "./weighted-length.js";
export { type MentionPage, type XAccount, XApi } from "./x-api.js";
export { XApiError, type XApiFailure } from "./x-api-error.js";
export { X_API_PRICES } from "./x-api-prices.js";
