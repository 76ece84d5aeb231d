/**
 * Connectors carry messages between a platform (Discord, Telegram, Twitter,
 * the terminal, HTTP) and the runtime, translating to `InboundMessage` at the
 * edge so nothing inside depends on a platform's shapes. Each implements
 * `Connector`; the troupe starts them, routes proactive messages to them and
 * stops them. The platform bots share what is here: tokens per character
 * (`readConnectorToken`, `assignBotTokens`), reply splitting (`splitMessage`)
 * the factory `troupe start` builds them with, and `cleanIdentity` /
 * `cleanMessageText`, which every connector applies to what strangers send.
 */

// The message shape lives below connectors so plugins and the bus can name it; connectors hand it on.
export type { DelegationContext, InboundMessage } from "../messages/index.js";
export { assignBotTokens, type BotAssignment } from "./assign-bot-tokens.js";
export { cleanIdentity, cleanMessageText, MAX_ID_LENGTH, MAX_NAME_LENGTH } from "./clean-identity.js";
export {
  CONNECTOR_API_VERSION,
  type ConnectedAgent,
  type Connector,
  type ConnectorHandleOptions,
  type ConnectorHost,
  type ConnectorReply,
  type ForgottenUser,
  type PostRequest,
} from "./connector.js";
export { ConnectorSettingError } from "./connector-setting-error.js";
export { ConnectorTokenRejectedError } from "./connector-token-rejected-error.js";
export { describePolicy } from "./describe-policy.js";
export { type CodeFence, findCodeFences } from "./find-code-fences.js";
export {
  agentParamsSchema,
  badRequest,
  createHttpConnector,
  errorSchema,
  HttpConnector,
  jsonResponse,
  requireJsonBody,
  validationHook,
} from "./http/index.js";
export type {
  PlatformConnector,
  PlatformConnectorFactory,
  PlatformConnectorOptions,
} from "./platform-connector-factory.js";
export {
  type ConnectorToken,
  describeTokenSource,
  readConnectorToken,
  redactToken,
} from "./read-connector-token.js";
export { MIN_SPLIT_LIMIT, splitMessage } from "./split-message.js";
export { createTerminalConnector, TerminalConnector, type TerminalConnectorOptions } from "./terminal/index.js";
export { type WebhookHandler, WebhookRoutes } from "./webhook-routes.js";
